// The preload: the only bridge between the sandboxed renderer and the app. It exposes the API contract's two
// frame directions and the version, nothing else (no ipcRenderer, no Node). A sandboxed preload must be CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS is what a sandboxed preload runs
import electron = require('electron');

const CHANNEL = 'hangar:frame';
const versionArg = process.argv.find((a) => a.startsWith('--hangar-version='));

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
