// The preload: the only bridge between the sandboxed renderer and the app. It exposes the API contract's two
// frame directions and the version, nothing else (no ipcRenderer, no Node). A sandboxed preload must be CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS is what a sandboxed preload runs
import electron = require('electron');

const CHANNEL = 'hangar:frame';
const CHANNEL_PORT = 'hangar:channel-port';
const versionArg = process.argv.find((a) => a.startsWith('--hangar-version='));

// The preload is type-checked without the DOM library; this is the one DOM call it makes.
declare const window: { postMessage(message: unknown, targetOrigin: string, transfer: readonly unknown[]): void };

electron.contextBridge.exposeInMainWorld('hangar', Object.freeze({
  version: versionArg?.slice('--hangar-version='.length) ?? '',
  /** Sends one API frame ({ kind: 'call', seq, call, input }) to main. */
  send: (frame: unknown): void => {
    electron.ipcRenderer.send(CHANNEL, frame);
  },
  /** Receives API frames (results, errors, event batches) from main; returns the unsubscribe function. */
  onFrame: (listener: (frame: unknown) => void): (() => void) => {
    const wrapped = (_event: unknown, frame: unknown): void => listener(frame);
    electron.ipcRenderer.on(CHANNEL, wrapped);
    return () => {
      electron.ipcRenderer.removeListener(CHANNEL, wrapped);
    };
  },
}));

// A byte channel's port cannot cross contextBridge (ports are not copied, and the page must own the object it
// sets handlers on): it goes to the page's own window as a message, { hangarChannel: id } with the port.
electron.ipcRenderer.on(CHANNEL_PORT, (event, message: unknown) => {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  const [port] = event.ports;
  if (typeof id === 'number' && port) window.postMessage({ hangarChannel: id }, '*', [port]);
});
