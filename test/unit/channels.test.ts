// Byte channels without a libvirt host: the wire format, the window (a stalled reader bounds what its writer may
// send), end and close, the session's table, and both transports' own code (the WebSocket multiplexer, and
// MessagePorts with worker_threads standing in for Electron's).
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChannelHub } from '../../main/api/channels/channel-hub.js';
import { PortChannels as ServicePortChannels } from '../../main/api/channels/port-channels.js';
import { ByteChannel, ChannelClosedError, type ChannelLink } from '../../main/api/contract/byte-channel.js';
import { ChannelMux } from '../../main/api/contract/channel-mux.js';
import {
  CHANNEL_CHUNK, CHANNEL_WINDOW, decodeChannelFrame, encodeChannelFrame, type ChannelFrame,
} from '../../main/api/contract/channels.js';
import { muxChannels } from '../../renderer/state/channels/client-channels.js';
import { PortChannels as PagePortChannels } from '../../renderer/state/channels/port-channels.js';
import { workerPortPair } from '../support/worker-ports.js';

const MiB = 1024 * 1024;
const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A service hub and a client joined by one in-memory pipe carrying encoded frames, delivered asynchronously. */
function muxPair(): { hub: ChannelHub; join: (id: number) => Promise<ByteChannel>; frames: { toClient: number; toService: number } } {
  const frames = { toClient: 0, toService: 0 };
  const service: ChannelMux = new ChannelMux((bytes) => {
    frames.toClient++;
    setImmediate(() => client.deliver(bytes));
  });
  const client: ChannelMux = new ChannelMux((bytes) => {
    frames.toService++;
    setImmediate(() => service.deliver(bytes));
  });
  const c = muxChannels(client);
  return { hub: new ChannelHub(service), join: (id) => c.join(id), frames };
}

async function sendAll(channel: ByteChannel, data: Uint8Array, piece = 200_000): Promise<void> {
  for (let off = 0; off < data.byteLength; off += piece) await channel.send(data.subarray(off, off + piece));
}

async function readAll(channel: ByteChannel): Promise<{ sha: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of channel) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha: hash.digest('hex'), bytes };
}

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('the channel wire format', () => {
  it('round-trips every frame and refuses what is not one', () => {
    const frames: ChannelFrame[] = [
      { type: 'data', bytes: new Uint8Array([1, 2, 3]) },
      { type: 'ack', bytes: CHANNEL_WINDOW },
      { type: 'end' },
      { type: 'close', reason: 'volume gone — 卷', error: true },
    ];
    for (const frame of frames) expect(decodeChannelFrame(encodeChannelFrame(0xfffffffe, frame))).toEqual({ id: 0xfffffffe, frame });
    expect(decodeChannelFrame(new Uint8Array([0, 0, 0]))).toBeNull();
    expect(decodeChannelFrame(new Uint8Array([9, 0, 0, 0, 1]))).toBeNull();
    expect(decodeChannelFrame(new Uint8Array([1, 0, 0, 0, 1, 0, 0]))).toBeNull();
    expect(decodeChannelFrame(encodeChannelFrame(1, { type: 'data', bytes: new Uint8Array(CHANNEL_CHUNK + 1) }))).toBeNull();
    const long = decodeChannelFrame(encodeChannelFrame(1, { type: 'close', reason: 'x'.repeat(5000), error: false }));
    expect(long?.frame.type === 'close' && long.frame.reason.length).toBe(500);
  });
});

describe('a byte channel', () => {
  it('carries 16 MiB each way at once with equal checksums, never more than the window in flight', async () => {
    const { hub, join } = muxPair();
    const service = hub.open();
    const client = await join(service.id);
    const up = randomBytes(16 * MiB);
    const down = randomBytes(16 * MiB);
    const started = performance.now();
    const [, , got, gotDown] = await Promise.all([
      sendAll(client, up).then(() => client.end()),
      sendAll(service, down).then(() => service.end()),
      readAll(service),
      readAll(client),
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(got).toEqual({ sha: sha(up), bytes: up.byteLength });
    expect(gotDown).toEqual({ sha: sha(down), bytes: down.byteLength });
    expect(await client.closed).toMatchObject({ reason: 'done', error: false });
    expect(await service.closed).toMatchObject({ reason: 'done', error: false });
    for (const c of [client, service]) {
      expect(c.stats.maxInFlight).toBeLessThanOrEqual(CHANNEL_WINDOW);
      expect(c.stats.maxBuffered).toBeLessThanOrEqual(CHANNEL_WINDOW);
    }
    expect(hub.size).toBe(0);
    console.log(`in-memory mux: 32 MiB (16 each way) in ${seconds.toFixed(2)} s, ${(32 / seconds).toFixed(0)} MiB/s; max in flight ${client.stats.maxInFlight} B, max buffered ${service.stats.maxBuffered} B`);
  });

  it('holds a writer whose reader stalls within the window, and lets it go on when the reader reads', async () => {
    const { hub, join } = muxPair();
    const service = hub.open();
    const client = await join(service.id);
    const data = randomBytes(8 * MiB);
    let sent = false;
    const sending = sendAll(service, data).then(() => (sent = true));
    await tick(100);
    expect(sent).toBe(false);
    expect(service.inFlight).toBe(CHANNEL_WINDOW);
    expect(client.buffered).toBe(CHANNEL_WINDOW);
    expect(client.stats.bytesIn).toBe(CHANNEL_WINDOW);
    const read = readAll(client);
    await sending;
    service.close('end of data');
    expect(await read).toEqual({ sha: sha(data), bytes: data.byteLength });
    expect(client.stats.maxBuffered).toBeLessThanOrEqual(CHANNEL_WINDOW);
  });

  it('acknowledges only what the reader consumed: a reader holding one chunk keeps it counted', async () => {
    const { hub, join } = muxPair();
    const service = hub.open();
    const client = await join(service.id);
    void service.send(new Uint8Array(3 * CHANNEL_CHUNK));
    await tick(20);
    const first = await client.read();
    expect(first?.byteLength).toBe(CHANNEL_CHUNK);
    await tick(20);
    // The first chunk is the reader's until it asks for the next one: still unacknowledged.
    expect(service.inFlight).toBe(3 * CHANNEL_CHUNK);
    await client.read();
    await client.read();
    await tick(20);
    expect(service.inFlight).toBe(CHANNEL_CHUNK);
  });

  it('sends nothing from the service end before the client joins, not even a close', async () => {
    const { hub, join, frames } = muxPair();
    const early = hub.open();
    void early.send(new Uint8Array(10));
    early.close('the volume went away', true);
    await tick(20);
    expect(frames.toClient).toBe(0);
    expect(hub.size).toBe(1);
    const client = await join(early.id);
    expect(await client.closed).toEqual({ reason: 'the volume went away', error: true, by: 'peer' });
    await expect(client.read()).rejects.toThrow(ChannelClosedError);
    expect(hub.size).toBe(0);
  });

  it('delivers what arrived before a clean close, then ends; a close with an error fails pending sends', async () => {
    const { hub, join } = muxPair();
    const service = hub.open();
    const client = await join(service.id);
    await service.send(new Uint8Array([1, 2, 3]));
    service.close('end of data');
    await tick(20);
    expect(await client.read()).toEqual(new Uint8Array([1, 2, 3]));
    expect(await client.read()).toBeNull();

    const second = hub.open();
    const joined = await join(second.id);
    const blocked = second.send(new Uint8Array(CHANNEL_WINDOW + 1));
    await tick(20);
    joined.close('cancelled by the user', true);
    await expect(blocked).rejects.toThrow('cancelled by the user');
    expect(await second.closed).toEqual({ reason: 'cancelled by the user', error: true, by: 'peer' });
  });

  it('closes on a peer that breaks the window or acknowledges what was never sent', async () => {
    const sent: ChannelFrame[] = [];
    let deliver: (f: ChannelFrame) => void = () => undefined;
    const link: ChannelLink = { send: (f) => void sent.push(f), release: () => undefined };
    const channel = new ByteChannel(1, (d) => ((deliver = d), link), { side: 'client', window: 1000 });
    deliver({ type: 'data', bytes: new Uint8Array(1001) });
    expect(channel.outcome).toMatchObject({ error: true, reason: expect.stringMatching(/more than the flow-control window/) });
    expect(sent.at(-1)).toMatchObject({ type: 'close', error: true });

    const other = new ByteChannel(2, (d) => ((deliver = d), link), { side: 'client', window: 1000 });
    deliver({ type: 'ack', bytes: 1 });
    expect(other.outcome).toMatchObject({ error: true, reason: expect.stringMatching(/acknowledged bytes never sent/) });
  });

  it("closes every channel of a session with it, joined or not, and lets go of the transport's routes", async () => {
    const { hub, join } = muxPair();
    const a = hub.open();
    const b = hub.open();
    const joined = await join(a.id);
    await tick(20);
    hub.closeAll('the session closed');
    expect(hub.size).toBe(0);
    expect(await a.closed).toMatchObject({ reason: 'the session closed', by: 'local' });
    expect(await b.closed).toMatchObject({ reason: 'the session closed', by: 'local' });
    expect(await joined.closed).toMatchObject({ reason: 'the session closed', error: true, by: 'peer' });
    expect(() => hub.open()).toThrow(/session is over/);
  });
});

describe('byte channels over MessagePorts (worker_threads for Electron)', () => {
  function portPair(): { hub: ChannelHub; page: PagePortChannels } {
    const page = new PagePortChannels();
    const transport = new ServicePortChannels(workerPortPair, (id, remote) => page.accept(id, remote));
    return { hub: new ChannelHub(transport), page };
  }

  it('carries 16 MiB each way with equal checksums, the port joined after the result or before', async () => {
    const { hub, page } = portPair();
    const service = hub.open();
    const client = await page.join(service.id);
    const up = randomBytes(16 * MiB);
    const down = randomBytes(16 * MiB);
    const [, , got, gotDown] = await Promise.all([
      sendAll(client, up).then(() => client.end()),
      sendAll(service, down).then(() => service.end()),
      readAll(service),
      readAll(client),
    ]);
    expect(got.sha).toBe(sha(up));
    expect(gotDown.sha).toBe(sha(down));
    expect(await service.closed).toMatchObject({ reason: 'done', error: false });
    expect(hub.size).toBe(0);
  });

  it('a page letting go of its port closes the channel on the service side', async () => {
    const { hub, page } = portPair();
    const service = hub.open();
    const client = await page.join(service.id);
    await tick(10);
    page.closeAll('the page closed its API client');
    expect(await service.closed).toMatchObject({ error: true, by: 'peer' });
    expect(await client.closed).toMatchObject({ by: 'local' });
    expect(hub.size).toBe(0);
  });
});
