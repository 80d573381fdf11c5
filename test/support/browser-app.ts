// The app in browser mode with saved connections, Chromium on it and an API socket beside it, waited for until
// the first connection is connected; one close() for all of it. Shared by e2e files that drive a lab host.
import type { Browser, Page } from 'playwright-core';
import { ApiSocket } from './api-socket.js';
import { runApp, type RunningApp } from './app-process.js';
import { launchChromium } from './chromium.js';
import { seededDataDir } from './data-dir.js';

export interface BrowserApp {
  readonly app: RunningApp;
  readonly api: ApiSocket;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openBrowserApp(connections: Parameters<typeof seededDataDir>[0], options: {
  readonly env?: NodeJS.ProcessEnv;
  readonly connectTimeoutMs?: number;
} = {}): Promise<BrowserApp> {
  const data = seededDataDir(connections);
  const owned: (() => Promise<void> | void)[] = [() => data.remove()];
  const close = async (): Promise<void> => {
    for (const f of owned.splice(0).reverse()) await f();
  };
  try {
    const app = await runApp('out/main/web/cli.js', { ...options.env, HANGAR_DATA_DIR: data.dir });
    owned.push(() => app.stop());
    const api = await ApiSocket.open(app.url);
    owned.push(() => api.close());
    const { browser, close: closeBrowser } = await launchChromium();
    owned.push(closeBrowser);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.locator('.pf-v6-c-page__sidebar nav [data-connection="conn-1"][data-connection-state="connected"]').waitFor({ timeout: options.connectTimeoutMs ?? 15_000 });
    return { app, api, browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
