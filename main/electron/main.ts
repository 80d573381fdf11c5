// The Electron main process: one hardened window on the built renderer. Kept thin: services live in main/services.
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appRoot, appVersion, rendererDir } from '../app-info.js';
import { contentSecurityPolicy } from '../security/csp.js';
import { appMenuTemplate } from './menu.js';
import { mainWindowOptions } from './window-options.js';

const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href;

/** Only our own page may be loaded; links to the web open in the user's browser instead. */
function isOwnPage(url: string): boolean {
  return url === indexUrl || url.startsWith(`${indexUrl}#`) || url.startsWith(`${indexUrl}?`);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(appRoot, 'out', 'main', 'electron', 'preload.cjs'), appVersion));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(indexUrl);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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
      if (url.startsWith('https:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform === 'darwin')));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
