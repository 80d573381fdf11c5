// Fuzz: a fake daemon on a real unix socket answers every call with a mutated (truncated, oversized,
// bit-flipped, re-lengthed, garbage) version of a valid frame. Over ≥100,000 frames the client must never
// hang, crash or grow: every call settles (resolved, or rejected with a VirError), a broken stream of
// frames closes the session with an error, and nothing is left pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirError } from '../../../drivers/api/index.js';
import { beginFrame, endFrame, KEEPALIVE_PROGRAM, MessageStatus, MessageType, REMOTE_PROGRAM } from '../../../drivers/remote/packet.js';
import { EVENT_MESSAGES } from '../../../drivers/remote/event-messages.js';
import { RpcClient } from '../../../drivers/remote/rpc-client.js';
import { connectSocket } from '../../../drivers/remote/socket-transport.js';
import type { XdrType } from '../../../drivers/remote/xdr-types.js';
import { errorFrame, FakeDaemon, replyFrame, type IncomingCall } from './fake-daemon.js';

const TARGET_FRAMES = 100_000;

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(0x4a6e6761);
const int = (n: number) => Math.floor(rand() * n);

function dom(i: number) {
  return { name: `dom-${i}-${'x'.repeat(int(40))}`, uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, id: int(10) - 1 };
}

/** A valid answer to the call, sometimes preceded by an event, a keepalive PING or a stray stream packet. */
function validFrames(call: IncomingCall): Buffer[] {
  const serial = call.header.serial;
  const out: Buffer[] = [];
  const extra = int(6);
  if (extra === 0) {
    const w = beginFrame({ program: REMOTE_PROGRAM, version: 1, procedure: EVENT_MESSAGES.domainLifecycle.number, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK });
    (EVENT_MESSAGES.domainLifecycle.msg as XdrType<unknown>).encode(w, { callbackID: 1, msg: { dom: dom(1), event: 2, detail: 0 } });
    out.push(endFrame(w));
  } else if (extra === 1) {
    out.push(endFrame(beginFrame({ program: KEEPALIVE_PROGRAM, version: 1, procedure: 1, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK })));
  } else if (extra === 2) {
    const w = beginFrame({ program: REMOTE_PROGRAM, version: 1, procedure: 201, type: MessageType.STREAM, serial: serial + 1000, status: MessageStatus.CONTINUE });
    w.raw(Buffer.from('stray data'));
    out.push(endFrame(w));
  }
  switch (call.name) {
    case 'CONNECT_LIST_ALL_DOMAINS': {
      const domains = Array.from({ length: int(30) }, (_, i) => dom(i));
      out.push(replyFrame('CONNECT_LIST_ALL_DOMAINS', serial, { domains, ret: domains.length }));
      break;
    }
    case 'DOMAIN_GET_XML_DESC':
      out.push(int(4) === 0
        ? errorFrame(call.header.procedure, serial, 42, 10, "Domain not found: no domain with matching name 'x'")
        : replyFrame('DOMAIN_GET_XML_DESC', serial, { xml: `<domain>${'<a/>'.repeat(int(500))}</domain>` }));
      break;
    case 'NODE_GET_INFO':
      out.push(replyFrame('NODE_GET_INFO', serial, { model: 'x86_64', memory: 8e6, cpus: 4, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 2 }));
      break;
    default:
      out.push(replyFrame('CONNECT_GET_ALL_DOMAIN_STATS', serial, {
        retStats: Array.from({ length: int(5) }, (_, i) => ({
          dom: dom(i),
          params: [
            { field: 'state.state', value: { type: 1, value: 1 } },
            { field: 'cpu.time', value: { type: 4, value: 123456789 } },
            { field: 'balloon.current', value: { type: 4, value: 1048576 } },
            { field: 'name', value: { type: 7, value: 'x' } },
            { field: 'avg', value: { type: 5, value: 0.5 } },
          ],
        })),
      }));
  }
  return out;
}

/** One of the ways a frame goes wrong on the wire. */
function mutate(frame: Buffer): Buffer {
  const b = Buffer.from(frame);
  switch (int(9)) {
    case 0: { // bit flips
      for (let i = 0, n = 1 + int(8); i < n; i++) b[int(b.length)]! ^= 1 << int(8);
      return b;
    }
    case 1: // truncated
      return b.subarray(0, int(b.length));
    case 2: { // length word says something else
      const choices = [0, 3, 4, 27, 28, b.length - 1, b.length + 1, 0x0100_0005, 0xffff_ffff, int(0x2000000)];
      b.writeUInt32BE(choices[int(choices.length)]! >>> 0, 0);
      return b;
    }
    case 3: { // a header field replaced
      const field = 4 + 4 * int(6);
      if (field + 4 <= b.length) b.writeUInt32BE((int(2) ? int(8) : int(0x1_0000_0000)) >>> 0, field);
      return b;
    }
    case 4: { // an aligned word in the payload replaced (array counts, string lengths, optional flags)
      if (b.length > 32) b.writeUInt32BE([0xffff_ffff, 0x7fff_ffff, int(100), 2, 0x0100_0000][int(5)]! >>> 0, 28 + 4 * int((b.length - 32) / 4));
      return b;
    }
    case 5: { // bytes inserted
      const at = int(b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(16) }, () => int(256))), b.subarray(at)]);
    }
    case 6: { // pure garbage
      return Buffer.from(Array.from({ length: int(64) }, () => int(256)));
    }
    case 7: { // a frame announcing more than the protocol's maximum: refused from its length word alone
      const head = Buffer.alloc(28 + int(64));
      b.copy(head, 0, 0, Math.min(b.length, head.length));
      head.writeUInt32BE(0x0100_0005 + int(0xfe00_0000), 0);
      return head;
    }
    default: // left intact: the session must keep working
      return b;
  }
}

let daemon: FakeDaemon;
let framesSent = 0;
let malformedSessions = 0;

beforeAll(async () => {
  daemon = await FakeDaemon.start((call) => {
    if (call.socket.destroyed) return;
    for (const f of validFrames(call)) {
      call.socket.write(mutate(f));
      framesSent++;
    }
    // A session whose frames stopped making sense may wait for bytes that never come: the daemon hangs up
    // soon after it goes quiet, as a real peer's death would.
    const s = call.socket as typeof call.socket & { idle?: NodeJS.Timeout };
    clearTimeout(s.idle);
    s.idle = setTimeout(() => s.end(), 5);
  });
});

afterAll(async () => {
  await daemon?.stop();
});

describe('fuzzed frames', () => {
  it(`survive ${TARGET_FRAMES.toLocaleString('en')} mutated frames without hanging, crashing or growing`, async () => {
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    let calls = 0;
    let settledOk = 0;
    let settledErr = 0;
    const names = ['CONNECT_LIST_ALL_DOMAINS', 'DOMAIN_GET_XML_DESC', 'NODE_GET_INFO', 'CONNECT_GET_ALL_DOMAIN_STATS'] as const;
    const someDom = { name: 'd', uuid: '00000000-0000-4000-8000-000000000001', id: 1 };
    while (framesSent < TARGET_FRAMES) {
      const rpc = new RpcClient(await connectSocket({ path: daemon.path }), 'fake daemon');
      let closedWith: string | undefined;
      rpc.onClose((info) => (closedWith = info.message));
      while (rpc.isOpen && framesSent < TARGET_FRAMES) {
        const batch = Array.from({ length: 1 + int(3) }, () => {
          calls++;
          const n = names[int(names.length)]!;
          const p = n === 'CONNECT_LIST_ALL_DOMAINS' ? rpc.call(n, { need_results: 1, flags: 0 })
            : n === 'DOMAIN_GET_XML_DESC' ? rpc.call(n, { dom: someDom, flags: 0 })
              : n === 'NODE_GET_INFO' ? rpc.call(n, undefined)
                : rpc.call(n, { doms: [], stats: 1, flags: 0 });
          return p.then(() => settledOk++, (e: unknown) => {
            expect(e).toBeInstanceOf(VirError);
            settledErr++;
          });
        });
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('a call did not settle within 5 s')), 5000); });
        await Promise.race([Promise.all(batch), hang]);
        clearTimeout(timer);
      }
      rpc.close();
      expect(rpc.inFlight).toBe(0);
      if (closedWith && /protocol error/.test(closedWith)) malformedSessions++;
    }
    const seconds = (Date.now() - started) / 1000;
    const rssGrowthMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    console.log(`fuzz: ${framesSent} frames, ${calls} calls (${settledOk} ok, ${settledErr} failed cleanly), ` +
      `${malformedSessions} sessions closed for protocol errors, ${seconds.toFixed(1)} s, rss +${rssGrowthMiB.toFixed(0)} MiB`);
    expect(framesSent).toBeGreaterThanOrEqual(TARGET_FRAMES);
    expect(settledOk + settledErr).toBe(calls);
    expect(malformedSessions).toBeGreaterThan(1000);
    expect(settledOk).toBeGreaterThan(1000);
    expect(rssGrowthMiB).toBeLessThan(300);
  }, 600_000);
});
