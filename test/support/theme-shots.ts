import type { Page } from 'playwright-core';

/**
 * A screenshot of the page in the light and in the dark theme (PatternFly's dark class on the html element, set
 * directly: what a page looks like, not how the theme is switched), then back to light.
 */
export async function shootBothThemes(page: Page, path: (theme: 'light' | 'dark') => string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle('pf-v6-theme-dark', dark), theme === 'dark');
    await page.screenshot({ path: path(theme) });
  }
  await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
}
