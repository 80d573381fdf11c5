// The Electron main process: one hardened window on the built renderer, talking to the services through the
// IPC bridge. Kept thin: what the app does lives in main/services and main/api.
import { app, BrowserWindow, Menu, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appRoot, appVersion, rendererDir } from '../app-info.js';
import { startAppServices, type AppServices } from '../app-services.js';
import { EncryptedFileSecretStore } from '../services/secret-store.js';
import { contentSecurityPolicy } from '../security/csp.js';
import { IpcBridge } from './ipc-bridge.js';
import { safeStorageCipher } from './safe-storage-cipher.js';
import { appMenuTemplate } from './menu.js';
import { externalLink, ownPageMatcher } from './navigation-policy.js';
import { mainWindowOptions } from './window-options.js';
import { loadWindowState, restoreWindowState, saveWindowState } from './window-state.js';

const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href;

/** Only our own page may be loaded; links to the web open in the user's browser instead. */
const isOwnPage = ownPageMatcher(indexUrl);

function createWindow(bridge: IpcBridge, dataDir: string): BrowserWindow {
  const options = mainWindowOptions(join(appRoot, 'out', 'main', 'electron', 'preload.cjs'), appVersion);
  const saved = restoreWindowState(loadWindowState(dataDir), screen.getAllDisplays().map((d) => d.workArea), {
    width: options.minWidth ?? 640,
    height: options.minHeight ?? 400,
  });
  const win = new BrowserWindow({ ...options, ...(saved ? saved.bounds : {}) });
  if (saved?.maximized) win.maximize();
  bridge.attach(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
  void win.loadURL(indexUrl);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: AppServices | undefined;
  let bridge: IpcBridge | undefined;

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalLink(url);
      if (external !== undefined) void shell.openExternal(external);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform === 'darwin')));
    const dataDir = app.getPath('userData');
    // Created after 'ready': safeStorage can only tell whether it can encrypt from then on.
    services = await startAppServices({ mode: 'electron', dataDir, secrets: new EncryptedFileSecretStore(dataDir, safeStorageCipher) });
    const ipc = new IpcBridge(services.api, isOwnPage);
    bridge = ipc;
    createWindow(ipc, dataDir);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(ipc, dataDir);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    if (!services) return;
    event.preventDefault();
    const closing = services;
    services = undefined;
    bridge?.dispose();
    void closing.dispose().finally(() => app.quit());
  });
}
