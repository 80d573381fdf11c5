// Finds an install tree's boot kernel and initrd over HTTP(S) (its .treeinfo, else the well-known layouts) and
// reads them. Runs in main: the renderer's CSP allows no fetches, and the bytes go on to the host, not to the UI.
import { parseTreeInfo, type TreeInfo } from './treeinfo.js';
import { treeLayouts } from './tree-layouts.js';

export type Fetch = (url: string, init: { method: 'GET' | 'HEAD'; signal: AbortSignal }) => Promise<Response>;

export interface LocatedTree {
  readonly kernelUrl: string;
  readonly initrdUrl: string;
  /** What the .treeinfo said, when the tree has one. */
  readonly info?: TreeInfo;
}

/** A tree that could not be read, with every URL tried and how it answered. */
export class InstallTreeError extends Error {}

/** Big enough for any installer's initrd (Fedora's is ~100 MB), small enough not to fill main's memory. */
const MAX_FILE = 1024 * 1024 * 1024;

/** The tree's root as a URL ending in "/", so relative paths resolve under it; http and https only. */
export function treeRoot(url: string): URL {
  const root = new URL(url);
  if (root.protocol !== 'http:' && root.protocol !== 'https:') {
    throw new InstallTreeError(`${url}: only http and https install trees can be fetched, not ${root.protocol.replace(/:$/, '')}.`);
  }
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  root.search = '';
  root.hash = '';
  return root;
}

/** Why a request had no answer, in a few words (fetch's own "fetch failed" says nothing). */
function reason(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return typeof cause.message === 'string' ? cause.message : cause.code;
  return e instanceof Error ? e.message : String(e);
}

/** The tree's .treeinfo for `arch`; undefined when the tree has none. Throws only when nothing answers. */
export async function readTreeInfo(url: string, arch: string, signal: AbortSignal, get: Fetch = fetch): Promise<TreeInfo | undefined> {
  const target = new URL('.treeinfo', treeRoot(url)).href;
  let res: Response;
  try {
    res = await get(target, { method: 'GET', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new InstallTreeError(`Could not reach the install tree at ${url}: ${reason(e)}.`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    return undefined;
  }
  return parseTreeInfo(await res.text(), arch);
}

export async function locateTree(url: string, arch: string, signal: AbortSignal, get: Fetch = fetch): Promise<LocatedTree> {
  const root = treeRoot(url);
  const tried: string[] = [];
  const at = (path: string): string => new URL(path, root).href;
  const probe = async (target: string, method: 'GET' | 'HEAD'): Promise<Response | undefined> => {
    let res: Response;
    try {
      res = await get(target, { method, signal });
    } catch (e) {
      if (signal.aborted) throw e;
      // Nothing answers at all: every other path of the same server would fail the same way.
      throw new InstallTreeError(`Could not reach the install tree at ${root.href}: ${target} — ${reason(e)}.`);
    }
    if (res.ok) return res;
    await res.body?.cancel();
    // Named under the root the message starts with: the full URLs would repeat it a dozen times.
    tried.push(`${target.slice(root.href.length)} (${res.status}${res.statusText ? ` ${res.statusText}` : ''})`);
    return undefined;
  };
  const treeinfo = await probe(at('.treeinfo'), 'GET');
  if (treeinfo) {
    const info = parseTreeInfo(await treeinfo.text(), arch);
    if (info.kernel && info.initrd) return { kernelUrl: at(info.kernel), initrdUrl: at(info.initrd), info };
    tried.push(`.treeinfo (no [images-${arch}] kernel and initrd)`);
  }
  for (const layout of treeLayouts(arch)) {
    const kernelUrl = at(layout.kernel);
    if (await probe(kernelUrl, 'HEAD')) return { kernelUrl, initrdUrl: at(layout.initrd) };
  }
  throw new InstallTreeError(`No ${arch} kernel and initrd found in the install tree at ${root.href}. Tried: ${tried.join('; ')}.`);
}

/** A file of the tree, whole; `progress` gets the bytes read so far and the length the server announced. */
export async function fetchTreeFile(url: string, signal: AbortSignal, progress: (read: number, total: number | undefined) => void, get: Fetch = fetch): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await get(url, { method: 'GET', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new InstallTreeError(`Could not fetch ${url}: ${reason(e)}.`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new InstallTreeError(`Could not fetch ${url}: ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
  }
  const announced = Number(res.headers.get('content-length'));
  const total = Number.isFinite(announced) && announced > 0 ? announced : undefined;
  if (total !== undefined && total > MAX_FILE) {
    await res.body.cancel();
    throw new InstallTreeError(`${url} is larger than 1 GiB: not a kernel or initrd.`);
  }
  const chunks: Uint8Array[] = [];
  let read = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
      if (read > MAX_FILE) throw new InstallTreeError(`${url} is larger than 1 GiB: not a kernel or initrd.`);
      chunks.push(value);
      progress(read, total);
    }
  } catch (e) {
    // The connection is not left half-read.
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  if (read === 0) throw new InstallTreeError(`${url} is empty.`);
  const out = new Uint8Array(read);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
