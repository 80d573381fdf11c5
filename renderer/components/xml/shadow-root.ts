// CodeMirror styles itself with generated rules. In a document they go into a <style> element, which the app's
// Content Security Policy (style-src 'self') blocks; in a shadow root they go into a constructed style sheet
// (adoptedStyleSheets), which it allows. So each editor lives in a shadow root of its frame; the theme's CSS
// variables still reach it, since custom properties inherit into shadow trees.

/** The frame's shadow root (made once: a remount in development finds it there). */
export function shadowOf(host: HTMLElement): ShadowRoot {
  return host.shadowRoot ?? host.attachShadow({ mode: 'open' });
}
