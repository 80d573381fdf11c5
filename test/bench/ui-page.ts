// In-page probes for the ui bench: when the VM list first shows N VMs, frame times while scrolling, and the time a
// search keystroke takes to filter. All times are the page's performance.now() (ms from navigation start).
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM } from '../support/chromium.js';

export const LIST = '.vm-list-table';

/**
 * Headless Chromium as test/support/chromium.ts launches it, but with no frame-rate cap, so a requestAnimationFrame
 * delta is the frame's own cost rather than a multiple of the 16.7 ms vsync.
 */
export async function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-frame-rate-limit', '--disable-gpu-vsync',
    ],
  });
}

// Page code is passed as source text: tsx (esbuild keepNames) would wrap named functions in a helper the page lacks.
// (waitForFunction takes a function: its string form is eval'd in the page, which the app's CSP forbids.)
type Probe = Window & { hangarListedAt?: number; hangarFilteredAt?: number };

/** Before any page script runs, watches the list's data-rows for `rows`; sets window.hangarListedAt (performance.now()). */
export async function watchListed(page: Page, rows: number): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const want = ${JSON.stringify(String(rows))};
      const observer = new MutationObserver(() => {
        if (document.querySelector('.vm-list-table')?.getAttribute('data-rows') !== want) return;
        window.hangarListedAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rows'] });
    })();`,
  });
}

/** Waits for the watched count; returns when it showed, in ms from navigation start and as epoch ms. */
export async function listedAt(page: Page, timeoutMs = 120_000): Promise<{ fromNavigation: number; epoch: number }> {
  await page.waitForFunction(() => (window as Probe).hangarListedAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
  return page.evaluate<{ fromNavigation: number; epoch: number }>('({ fromNavigation: window.hangarListedAt, epoch: performance.timeOrigin + window.hangarListedAt })');
}

/**
 * Scrolls the list by `step` px per frame for `frames` frames; returns each frame's interval in ms (rAF to rAF).
 * Headless Chromium paces frames at 60 Hz whatever its flags say, so an interval reads ~16.7 ms when the frame's
 * work (scroll handling, rendering the new rows, style, layout, paint) fitted in the budget, and a multiple of it
 * when frames were dropped.
 */
export async function scrollFrames(page: Page, frames: number, step: number): Promise<number[]> {
  return page.evaluate<number[]>(`new Promise((done) => {
    const el = document.querySelector('.vm-list-scroll');
    const deltas = [];
    let last = -1;
    const frame = (t) => {
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (deltas.length >= ${frames}) return done(deltas);
      el.scrollTop += ${step};
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`);
}

/** A frame interval that still keeps the 60 Hz beat (16.7 ms and jitter), i.e. no frame was dropped. */
export const ON_BEAT_MS = 20;

/** Presses `key` in the focused search box; ms from the keydown to the list's data-rows showing `rows`. */
export async function keystrokeMs(page: Page, key: string, rows: number): Promise<number> {
  await page.evaluate(`(() => {
    window.hangarKeyAt = undefined;
    window.hangarFilteredAt = undefined;
    document.addEventListener('keydown', (e) => { window.hangarKeyAt = e.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (document.querySelector('.vm-list-table')?.getAttribute('data-rows') !== ${JSON.stringify(String(rows))}) return;
      window.hangarFilteredAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rows'] });
  })()`);
  await page.keyboard.press(key);
  await page.waitForFunction(() => (window as Probe).hangarFilteredAt !== undefined, undefined, { timeout: 30_000, polling: 20 });
  return page.evaluate<number>('window.hangarFilteredAt - window.hangarKeyAt');
}

/** The renderer's total script time so far, in ms (Chromium's performance timeline). */
export async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** One figure of a bench's table: Hangar's value, its target and verdict, and the peer's figure from the same run. */
export interface Line { readonly figure: string; readonly where: string; readonly value: string; readonly target: string; readonly pass: boolean | undefined; readonly peer: string }

/** Prints the figures as an aligned table. */
export function print(lines: readonly Line[]): void {
  const cols: (keyof Line)[] = ['figure', 'where', 'value', 'target', 'pass', 'peer'];
  const head: Record<keyof Line, string> = { figure: 'figure', where: 'host(s)', value: 'Hangar', target: 'target', pass: 'verdict', peer: 'peer (same run)' };
  const cell = (l: Line, c: keyof Line): string => c === 'pass' ? (l.pass === undefined ? '-' : l.pass ? 'PASS' : 'MISS') : String(l[c]);
  const width = cols.map((c) => Math.max(head[c].length, ...lines.map((l) => cell(l, c).length)));
  const row = (cells: string[]): string => cells.map((s, i) => s.padEnd(width[i] ?? 0)).join('  ').trimEnd();
  console.log(row(cols.map((c) => head[c])));
  console.log(row(width.map((w) => '-'.repeat(w))));
  for (const l of lines) console.log(row(cols.map((c) => cell(l, c))));
}
