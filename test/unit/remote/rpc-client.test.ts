// RpcClient against a scripted fake daemon on a unix socket: replies out of order, keepalive both ways,
// events, stream packets and the close path.
import { afterEach, describe, expect, it } from 'vitest';
import { VirError, VIR_CONNECT_CLOSE_REASON_EOF, VIR_CONNECT_CLOSE_REASON_KEEPALIVE } from '../../../drivers/api/index.js';
import { EVENT_MESSAGES, type RemoteEvent } from '../../../drivers/remote/event-messages.js';
import {
  beginFrame, decodeHeader, endFrame, FrameDecoder, KEEPALIVE_PROGRAM, MessageStatus, MessageType, REMOTE_PROGRAM,
} from '../../../drivers/remote/packet.js';
import { RpcClient } from '../../../drivers/remote/rpc-client.js';
import { connectSocket } from '../../../drivers/remote/socket-transport.js';
import { XdrReader } from '../../../drivers/remote/xdr.js';
import type { XdrType } from '../../../drivers/remote/xdr-types.js';
import { errorFrame, FakeDaemon, replyFrame, type IncomingCall } from './fake-daemon.js';

let daemon: FakeDaemon | undefined;
let client: RpcClient | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  await daemon?.stop();
  daemon = undefined;
});

async function setup(onCall: (c: IncomingCall) => void): Promise<RpcClient> {
  daemon = await FakeDaemon.start(onCall);
  client = new RpcClient(await connectSocket({ path: daemon.path }), 'fake');
  return client;
}

const keepaliveFrame = (proc: number) =>
  endFrame(beginFrame({ program: KEEPALIVE_PROGRAM, version: 1, procedure: proc, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK }));

describe('RpcClient', () => {
  it('matches replies to calls by serial, in whatever order they come', async () => {
    const held: IncomingCall[] = [];
    const rpc = await setup((c) => {
      held.push(c);
      if (held.length === 3) {
        for (const h of [...held].reverse()) {
          h.socket.write(replyFrame('CONNECT_GET_HOSTNAME', h.header.serial, { hostname: `h${h.header.serial}` }));
        }
      }
    });
    const rs = await Promise.all([1, 2, 3].map(() => rpc.call('CONNECT_GET_HOSTNAME', undefined)));
    expect(rs.map((r) => r.hostname)).toEqual(['h1', 'h2', 'h3']);
    expect(rpc.inFlight).toBe(0);
  });

  it('turns error replies into VirErrors with libvirt\'s code, domain and message', async () => {
    const rpc = await setup((c) => c.socket.write(errorFrame(c.header.procedure, c.header.serial, 42, 10, "Domain not found: no domain with matching name 'x'")));
    const e = (await rpc.call('DOMAIN_LOOKUP_BY_NAME', { name: 'x' }).catch((x: unknown) => x)) as VirError;
    expect(e).toBeInstanceOf(VirError);
    expect({ code: e.code, domain: e.domain, message: e.message }).toEqual({ code: 42, domain: 10, message: "Domain not found: no domain with matching name 'x'" });
    expect(rpc.isOpen).toBe(true);
  });

  it('answers PING with PONG, and sends PINGs itself when the peer is silent', async () => {
    const seen: number[] = [];
    const rpc = await setup(() => {});
    const sock = daemon!.connections()[0]!;
    const d = new FrameDecoder();
    sock.on('data', (chunk: Buffer) => d.push(chunk, (f) => {
      const h = decodeHeader(new XdrReader(f));
      if (h.program === KEEPALIVE_PROGRAM) seen.push(h.procedure);
    }));
    sock.write(keepaliveFrame(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([2]);
    rpc.startKeepalive({ interval: 0.1, count: 10 });
    await new Promise((r) => setTimeout(r, 400));
    expect(seen.filter((p) => p === 1).length).toBeGreaterThanOrEqual(2);
  });

  it('declares a silent peer dead after interval × count and fails pending calls', async () => {
    const rpc = await setup(() => {});
    const closed = new Promise<number>((resolve) => rpc.onClose((i) => resolve(i.reason)));
    const t0 = Date.now();
    rpc.startKeepalive({ interval: 0.1, count: 3 });
    const pending = rpc.call('CONNECT_GET_HOSTNAME', undefined).catch((e: unknown) => e);
    expect(await closed).toBe(VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1500);
    expect(await pending).toBeInstanceOf(VirError);
  });

  it('fails every pending call and reports EOF when the daemon hangs up', async () => {
    let n = 0;
    const rpc = await setup((c) => { if (++n === 5) c.socket.destroy(); });
    const closed = new Promise<number>((resolve) => rpc.onClose((i) => resolve(i.reason)));
    const calls = await Promise.all(Array.from({ length: 5 }, () => rpc.call('CONNECT_GET_HOSTNAME', undefined).catch((e: unknown) => e)));
    for (const c of calls) expect(c).toBeInstanceOf(VirError);
    expect(await closed).toBe(VIR_CONNECT_CLOSE_REASON_EOF);
    await expect(rpc.call('CONNECT_GET_HOSTNAME', undefined)).rejects.toBeInstanceOf(VirError);
  });

  it('delivers events decoded from MESSAGE packets', async () => {
    const rpc = await setup((c) => {
      const w = beginFrame({ program: REMOTE_PROGRAM, version: 1, procedure: 318, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK });
      (EVENT_MESSAGES.domainLifecycle.msg as XdrType<unknown>).encode(w, {
        callbackID: 7, msg: { dom: { name: 'g', uuid: '00000000-0000-4000-8000-000000000001', id: 3 }, event: 2, detail: 0 },
      });
      c.socket.write(endFrame(w));
      c.socket.write(replyFrame('CONNECT_GET_HOSTNAME', c.header.serial, { hostname: 'h' }));
    });
    const events: RemoteEvent[] = [];
    rpc.onEvent((e) => events.push(e));
    await rpc.call('CONNECT_GET_HOSTNAME', undefined);
    expect(events).toEqual([{ name: 'domainLifecycle', payload: { callbackID: 7, msg: { dom: { name: 'g', uuid: '00000000-0000-4000-8000-000000000001', id: 3 }, event: 2, detail: 0 } } }]);
  });

  it('streams data to the consumer, ends on the empty packet and confirms the finish', async () => {
    const rpc = await setup((c) => {
      const s = (status: number, data?: Buffer) => {
        const w = beginFrame({ program: REMOTE_PROGRAM, version: 1, procedure: 209, type: MessageType.STREAM, serial: c.header.serial, status: status as 0 });
        if (data) w.raw(data);
        return endFrame(w);
      };
      if (c.header.type === MessageType.CALL && c.name === 'STORAGE_VOL_DOWNLOAD') {
        c.socket.write(replyFrame('STORAGE_VOL_DOWNLOAD', c.header.serial, undefined));
        c.socket.write(s(MessageStatus.CONTINUE, Buffer.from('hello ')));
        c.socket.write(s(MessageStatus.CONTINUE, Buffer.from('world')));
        c.socket.write(s(MessageStatus.CONTINUE));
      }
    });
    const { stream } = await rpc.callWithStream('STORAGE_VOL_DOWNLOAD', { vol: { pool: 'p', name: 'v', key: 'k' }, offset: 0, length: 0, flags: 0 });
    let text = '';
    for await (const c of stream) text += Buffer.from(c).toString();
    expect(text).toBe('hello world');
    expect(stream.open).toBe(false);
  });
});
