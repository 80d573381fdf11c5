// xterm.js's DOM renderer writes its row metrics, font and colours into <style> elements it adds under the terminal;
// the app's CSP (style-src 'self') keeps such inline sheets from applying. Their text is mirrored here into a
// constructable stylesheet (CSSOM, which the CSP does not govern), kept current as xterm rewrites them.

/** Mirrors the <style> elements under `root` into an adopted stylesheet until disposed. */
export function mirrorInlineStyles(root: HTMLElement): { dispose(): void } {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const sync = (): void => {
    const text = [...root.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    sheet.replaceSync(text);
  };
  sync();
  const observer = new MutationObserver(sync);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return {
    dispose: () => {
      observer.disconnect();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
