import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteChannel } from '../../../main/api/contract/byte-channel.js';
import type { ChannelFrame } from '../../../main/api/contract/channels.js';
import { joinStream } from '../../../main/services/consoles/join-stream.js';
import { connectSocket } from '../../../drivers/remote/socket-transport.js';
import { SocketStream } from '../../../drivers/remote/socket-stream.js';

/** A service end and a client end of one channel, wired directly. */
function channelPair(): { service: ByteChannel; client: ByteChannel } {
  let toClient: (f: ChannelFrame) => void = () => undefined;
  let toService: (f: ChannelFrame) => void = () => undefined;
  const service = new ByteChannel(1, (deliver) => {
    toService = deliver;
    return { send: (f) => queueMicrotask(() => toClient(f)), release: () => undefined };
  }, { side: 'service' });
  const client = new ByteChannel(1, (deliver) => {
    toClient = deliver;
    return { send: (f) => queueMicrotask(() => toService(f)), release: () => undefined };
  }, { side: 'client' });
  return { service, client };
}

let server: Server | undefined;
afterEach(() => server?.close());

/** An echo server that upper-cases, and the sockets it accepted. */
async function echoServer(): Promise<{ port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  server = createServer((s) => {
    sockets.push(s);
    s.on('data', (b: Buffer) => s.write(b.toString('latin1').toUpperCase()));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, sockets };
}

async function readText(ch: ByteChannel, want: string): Promise<string> {
  let text = '';
  while (!text.includes(want)) {
    const chunk = await ch.read();
    if (chunk === null) break;
    text += Buffer.from(chunk).toString('latin1');
  }
  return text;
}

describe('joinStream over a socket stream', () => {
  it('carries bytes both ways, and the page closing the channel closes the socket and releases once', async () => {
    const { port, sockets } = await echoServer();
    const stream = new SocketStream(await connectSocket({ host: '127.0.0.1', port }), `127.0.0.1:${port}`);
    const { service, client } = channelPair();
    let released = 0;
    const joined = joinStream(service, stream, () => void released++);
    await client.send(Buffer.from('hello vnc'));
    expect(await readText(client, 'HELLO VNC')).toContain('HELLO VNC');
    const serverSide = sockets[0];
    const gone = new Promise<void>((r) => serverSide?.once('close', () => r()));
    client.close('the console was closed');
    await joined;
    await gone;
    expect(released).toBe(1);
    expect(stream.open).toBe(false);
  });

  it('closes the channel with a reason when the far end goes away', async () => {
    const { port, sockets } = await echoServer();
    const stream = new SocketStream(await connectSocket({ host: '127.0.0.1', port }), `127.0.0.1:${port}`);
    const { service, client } = channelPair();
    const joined = joinStream(service, stream);
    await client.send(Buffer.from('x'));
    await readText(client, 'X');
    sockets[0]?.destroy();
    const end = await client.closed;
    await joined;
    expect(end.by).toBe('peer');
    expect(end.reason).toBe('the console closed');
  });
});
