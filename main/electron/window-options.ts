import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Security first: the renderer is an untrusted web page that reaches the app only
 * through the preload's contract (context isolation, OS sandbox, no Node integration anywhere).
 */
export function mainWindowOptions(preloadPath: string, appVersion: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 720,
    minWidth: 640,
    minHeight: 400,
    title: 'Hangar',
    show: false,
    webPreferences: {
      preload: preloadPath,
      additionalArguments: [`--hangar-version=${appVersion}`],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
