// Opening the Demo host: test:///default (the built-in host, shared by its connections like libvirt's, and
// optionally persisted to a folder) and test:///abs/path.xml (a host loaded from a node file, one per
// connection, like libvirt's test driver).
import { existsSync } from 'node:fs';
import * as api from '../api.js';
import { DemoConnection } from './demo-connection.js';
import { DemoHost } from './demo-host.js';
import { DEFAULT_NODE_XML } from './default-node.js';
import { testError } from './errors.js';
import { HostPersistence } from './host-persistence.js';
import { loadNode, parseNodeText, readNodeFile } from './node-file.js';

interface SharedHost {
  readonly host: DemoHost;
  readonly persistence: HostPersistence | null;
  refs: number;
}

/** test:///default hosts by state folder ('' for an in-memory one). */
const sharedHosts = new Map<string, SharedHost>();

/** The path part of a test:// URI ('/default' or an absolute file path); null if it is not one. */
export function testUriPath(uri: string): string | null {
  const m = /^test:\/\/([^/?#]*)(\/[^?#]*)?/.exec(uri);
  if (!m) return null;
  return decodeURIComponent(m[2] ?? '');
}

export async function openTestConnection(uri: string, options: api.OpenOptions = {}): Promise<api.Connection> {
  const path = testUriPath(uri);
  if (path === null) throw testError(api.VIR_ERR_INVALID_ARG, `not a test driver URI: ${uri}`);
  if (path === '' || path === '/') throw testError(api.VIR_ERR_INVALID_ARG, 'testOpen: supply a path or use test:///default');

  if (path === '/default') {
    const key = options.stateDir ?? '';
    let shared = sharedHosts.get(key);
    if (!shared) {
      const host = new DemoHost();
      const saved = options.stateDir ? new HostPersistence(host, options.stateDir) : null;
      if (saved && existsSync(saved.file)) loadNode(host, readNodeFile(saved.file));
      else loadNode(host, parseNodeText(DEFAULT_NODE_XML, null));
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
