// One browser tab's API session over its WebSocket: JSON text messages carry calls, results and events; binary
// messages carry byte-channel frames. Whatever the page sends, only its own socket can suffer for it.
import type { RawData, WebSocket } from 'ws';
import type { ApiService } from '../api/api-service.js';
import { ChannelMux } from '../api/contract/channel-mux.js';

function bytesOf(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

export function serveApiSocket(socket: WebSocket, api: ApiService): void {
  const open = (): boolean => socket.readyState === socket.OPEN;
  const mux = new ChannelMux((bytes) => {
    if (open()) socket.send(bytes, { binary: true });
  });
  const session = api.open((frame) => {
    if (open()) socket.send(JSON.stringify(frame));
  }, mux);
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      if (!mux.deliver(bytesOf(data))) socket.close(1002, 'binary messages are channel frames');
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(bytesOf(data).toString('utf8'));
    } catch {
      socket.close(1003, 'text messages are JSON frames');
      return;
    }
    session.handle(frame);
  });
  socket.on('close', () => {
    session.dispose();
    mux.fail('the WebSocket closed');
  });
}
