// worker_threads ports standing in for Electron's in tests: the same MessagePort semantics (structured clone,
// queued until started, 'close' when the other end goes), adapted to what each side's code expects.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ServicePort } from '../../main/api/channels/port-channels.js';
import type { PagePort } from '../../renderer/state/channels/port-channels.js';

/** Main's end, shaped like Electron's MessagePortMain (its 'message' listener gets an event with `data`). */
class MainSidePort implements ServicePort {
  constructor(private readonly port: MessagePort) {}
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  on(event: 'message' | 'close', listener: (event: { readonly data: unknown }) => void): this {
    if (event === 'message') this.port.on('message', (data: unknown) => listener({ data }));
    else this.port.on('close', () => listener({ data: undefined }));
    return this;
  }
  start(): void {
    this.port.start();
  }
  close(): void {
    this.port.close();
  }
}

/** The page's end, as a DOM MessagePort is used (addEventListener, start, postMessage with a transfer list). */
function pageSidePort(port: MessagePort): PagePort {
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer),
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data })),
    start: () => port.start(),
    close: () => port.close(),
  };
}

export function workerPortPair(): { readonly local: ServicePort; readonly remote: PagePort } {
  const { port1, port2 } = new MessageChannel();
  return { local: new MainSidePort(port1), remote: pageSidePort(port2) };
}
