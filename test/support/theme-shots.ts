import type { Page } from 'playwright-core';

/**
 * A screenshot of the page in the light and in the dark theme (PatternFly's dark class on the html element, set
 * directly: what a page looks like, not how the theme is switched), then back to light. The colour transitions the
 * switch starts (PatternFly's menus, alerts, toolbar) are let finish first, so no picture catches a half-switched
 * element (light text on a still-light background); endless animations such as spinners are not waited for.
 */
export async function shootBothThemes(page: Page, path: (theme: 'light' | 'dark') => string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme === 'dark');
    await page.screenshot({ path: path(theme) });
  }
  await setTheme(page, false);
}

async function setTheme(page: Page, dark: boolean): Promise<void> {
  await page.evaluate(async (on) => {
    document.documentElement.classList.toggle('pf-v6-theme-dark', on);
    // getAnimations() flushes styles, so the transitions the class change starts are among those returned.
    const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
  }, dark);
}
