import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_TEXT_FRAME } from '../api/contract/channels.js';
import { contentSecurityPolicy } from '../security/csp.js';
import { tokenMatches } from './token.js';

export interface WebServerOptions {
  /** The built renderer to serve. */
  readonly staticDir: string;
  readonly token: string;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  readonly host?: '127.0.0.1' | '::1';
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Called for every WebSocket that passed the token and Origin checks. */
  readonly onSocket: (socket: WebSocket) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const COOKIE = 'hangar_token';

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Browser mode: the built renderer and the API WebSocket on loopback. Every request must present this run's
 * token (in the URL once, then as a same-site cookie), and WebSockets must also come from our own origin, so
 * neither another local user nor a web page in the same browser can drive the app.
 */
export class WebServer {
  private readonly sockets = new Set<Duplex>();
  /**
   * The build's assets/ files, read once: their names carry a hash of their content, so they never change under a
   * name. A page load asks for a score of them at the moment its API socket asks main for the first lists; answered
   * from memory, with no file reads interleaved, they arrive sooner, and a later load takes them from its cache.
   */
  private readonly assets = new Map<string, Buffer>();
  // Channel frames are far smaller; a larger message is refused with 1009 (Message Too Big) and its socket closed.
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_TEXT_FRAME });

  private constructor(private readonly server: Server, private readonly options: WebServerOptions, readonly url: string, readonly origin: string) {
    // An 'error' with no listener would end the process, and with it every host connection.
    this.wss.on('error', (e) => console.warn(`Browser mode: WebSocket server error: ${e.message}`));
  }

  static async start(options: WebServerOptions): Promise<WebServer> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the web server has no TCP address');
    const hostPart = host === '::1' ? '[::1]' : host;
    const origin = `http://${hostPart}:${address.port}`;
    const web = new WebServer(server, options, `${origin}/?token=${options.token}`, origin);
    server.on('connection', (s) => {
      web.sockets.add(s);
      s.on('close', () => web.sockets.delete(s));
    });
    server.on('request', (req, res) => web.handle(req, res));
    server.on('upgrade', (req, socket, head) => web.upgrade(req, socket, head));
    return web;
  }

  private presentedToken(req: IncomingMessage): string | undefined {
    const url = new URL(req.url ?? '/', this.origin);
    return url.searchParams.get('token') ?? cookieToken(req);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy([this.origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end('Method not allowed\n');
      return;
    }
    if (!tokenMatches(this.options.token, this.presentedToken(req))) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Forbidden: open Hangar with the URL it printed (it carries this run\'s token).\n');
      return;
    }
    const url = new URL(req.url ?? '/', this.origin);
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '');
    const file = join(this.options.staticDir, relative);
    if (!file.startsWith(this.options.staticDir + sep) || relative.split(sep).includes('..')) {
      res.writeHead(404, headers).end();
      return;
    }
    // A hashed asset is read once and kept; anything else (index.html) is streamed from disk each time.
    const asset = relative.startsWith(`assets${sep}`);
    let body = asset ? this.assets.get(file) : undefined;
    let size = body?.length ?? 0;
    if (body === undefined) {
      try {
        const st = statSync(file);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
        if (asset) {
          body = readFileSync(file);
          this.assets.set(file, body);
        }
      } catch {
        res.writeHead(404, headers).end('Not found\n');
        return;
      }
    }
    res.writeHead(200, {
      ...headers,
      ...(asset ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Set-Cookie': `${COOKIE}=${encodeURIComponent(this.options.token)}; HttpOnly; SameSite=Strict; Path=/`,
    });
    if (req.method === 'HEAD') res.end();
    else if (body) res.end(body);
    else createReadStream(file).pipe(res);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node leaves an upgraded socket without an error listener: a reset during the handshake would be fatal.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', this.origin);
    const originOk = req.headers.origin === this.origin;
    if (url.pathname !== '/api' || !originOk || !tokenMatches(this.options.token, this.presentedToken(req))) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // ws has already closed the socket (1009 for a message too big, 1002 for a protocol error) when it reports
      // one; a misbehaving page costs only its own socket.
      ws.on('error', (e) => console.warn(`Browser mode: closed a WebSocket that broke the protocol: ${e.message}`));
      this.options.onSocket(ws);
    });
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
