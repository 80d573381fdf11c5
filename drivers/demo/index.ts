// Opening the Demo host: test:///default (the built-in host, shared by its connections like libvirt's, and
// optionally persisted to a folder) and test:///abs/path.xml (a host loaded from a node file, one per
// connection, like libvirt's test driver).
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../api/index.js';
import { DemoConnection } from './demo-connection.js';
import { DemoHost } from './demo-host.js';
import { DEFAULT_NODE_XML } from './default-node.js';
import { testError } from './errors.js';
import { HostPersistence, STATE_FILE } from './host-persistence.js';
import { loadNode, parseNodeText, readNodeFile } from './node-file.js';

interface SharedHost {
  readonly host: DemoHost;
  readonly persistence: HostPersistence | null;
  refs: number;
}

/** Options of the Demo host beside every driver's. */
export interface DemoOpenOptions extends api.OpenOptions {
  /** A folder where test:///default's state is saved and restored from (persistence across restarts). */
  readonly stateDir?: string;
}

/** test:///default hosts by state folder ('' for an in-memory one). */
const sharedHosts = new Map<string, SharedHost>();

/** The path part of a test:// URI ('/default' or an absolute file path); null if it is not one. */
export function testUriPath(uri: string): string | null {
  const m = /^test:\/\/([^/?#]*)(\/[^?#]*)?/.exec(uri);
  if (!m) return null;
  return decodeURIComponent(m[2] ?? '');
}

/**
 * The built-in host, or the one saved in `stateDir`. A saved state that cannot be read is moved aside (kept for
 * the user, named demo-host.xml.broken-<time>) and the built-in host takes its place: the Demo host must open.
 */
function loadSharedHost(stateDir: string | undefined): DemoHost {
  const file = stateDir ? join(stateDir, STATE_FILE) : null;
  if (file && existsSync(file)) {
    const host = new DemoHost();
    try {
      loadNode(host, readNodeFile(file));
      return host;
    } catch {
      host.dispose();
      renameSync(file, `${file}.broken-${Date.now()}`);
    }
  }
  const host = new DemoHost();
  loadNode(host, parseNodeText(DEFAULT_NODE_XML, null));
  return host;
}

export async function openTestConnection(uri: string, options: DemoOpenOptions = {}): Promise<api.Connection> {
  const path = testUriPath(uri);
  if (path === null) throw testError(api.VIR_ERR_INVALID_ARG, `not a test driver URI: ${uri}`);
  if (path === '' || path === '/') throw testError(api.VIR_ERR_INVALID_ARG, 'testOpen: supply a path or use test:///default');

  if (path === '/default') {
    const key = options.stateDir ?? '';
    let shared = sharedHosts.get(key);
    if (!shared) {
      const host = loadSharedHost(options.stateDir);
      const saved = options.stateDir ? new HostPersistence(host, options.stateDir) : null;
      shared = { host, persistence: saved, refs: 0 };
      sharedHosts.set(key, shared);
    }
    const entry = shared;
    entry.refs++;
    return new DemoConnection(entry.host, uri, async () => {
      entry.refs--;
      if (entry.refs > 0) return;
      sharedHosts.delete(key);
      entry.persistence?.dispose();
      entry.host.dispose();
    });
  }

  const host = new DemoHost();
  try {
    loadNode(host, readNodeFile(path));
  } catch (e) {
    host.dispose();
    throw e;
  }
  return new DemoConnection(host, uri, async () => host.dispose());
}
