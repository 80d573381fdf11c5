// Which pages the app's windows may show and which IPC senders it trusts; pure, so it is tested without Electron.

/** Only our own page (with a hash or query) may be loaded in a window. */
export function ownPageMatcher(indexUrl: string): (url: string) => boolean {
  return (url) => url === indexUrl || url.startsWith(`${indexUrl}#`) || url.startsWith(`${indexUrl}?`);
}

/** A link that asks for a new window opens in the user's browser only when it is an https page; else nothing. */
export function externalLink(url: string): string | undefined {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An IPC frame is taken only from a window Hangar made, from its main frame (not an iframe) and while that frame
 * shows our own page (not after a navigation elsewhere).
 */
export function trustedSender(sender: { readonly tracked: boolean; readonly isMainFrame: boolean; readonly url: string }, isOwnPage: (url: string) => boolean): boolean {
  return sender.tracked && sender.isMainFrame && isOwnPage(sender.url);
}
