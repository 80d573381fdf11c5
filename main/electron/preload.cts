// The preload: the only bridge between the sandboxed renderer and the app. It exposes the API contract and
// nothing else (no ipcRenderer, no Node). A sandboxed preload must be CommonJS, hence .cts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS is what a sandboxed preload runs
import electron = require('electron');

const versionArg = process.argv.find((a) => a.startsWith('--hangar-version='));
electron.contextBridge.exposeInMainWorld('hangar', Object.freeze({ version: versionArg?.slice('--hangar-version='.length) ?? '' }));
