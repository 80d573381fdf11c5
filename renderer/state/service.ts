/** The renderer's link to the Hangar service: Electron's preload bridge, or a WebSocket in browser mode. */

export interface Hello {
  readonly type: 'hello';
  readonly app: 'hangar';
  readonly version: string;
}

export type ServiceStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'connected'; readonly version: string; readonly mode: 'web' | 'electron' }
  | { readonly state: 'disconnected'; readonly reason: string };

interface PreloadBridge {
  readonly version: string;
}

declare global {
  interface Window {
    readonly hangar?: PreloadBridge;
  }
}

/** The browser-mode token arrives in the page URL once; keep it for this tab and take it out of the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('hangar.token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem('hangar.token') ?? '';
}

export function connectService(onStatus: (s: ServiceStatus) => void): () => void {
  if (window.hangar) {
    onStatus({ state: 'connected', version: window.hangar.version, mode: 'electron' });
    return () => undefined;
  }
  const token = browserToken();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`);
  onStatus({ state: 'connecting' });
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as Partial<Hello>;
    if (message.type === 'hello' && typeof message.version === 'string') {
      onStatus({ state: 'connected', version: message.version, mode: 'web' });
    }
  });
  socket.addEventListener('close', (event) => {
    onStatus({ state: 'disconnected', reason: event.reason || `code ${event.code}` });
  });
  return () => socket.close();
}
