// Saving a Demo host to a folder so a user's experiments survive a restart: after each change (debounced),
// the host is written in libvirt's node format to <dir>/demo-host.xml, atomically (temp file, then rename).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as api from '../api/index.js';
import type { DemoHost } from './demo-host.js';
import { dumpNode } from './node-file.js';
import { formatXml } from '../xml/index.js';

export const STATE_FILE = 'demo-host.xml';
const DEBOUNCE_MS = 200;

export class HostPersistence {
  private timer: NodeJS.Timeout | null = null;
  private readonly subscription: api.Disposable;

  constructor(
    private readonly host: DemoHost,
    private readonly dir: string,
  ) {
    this.subscription = host.onChange(() => this.schedule());
  }

  get file(): string {
    return join(this.dir, STATE_FILE);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  /** Writes the current state now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `<?xml version='1.0'?>\n${formatXml(dumpNode(this.host))}\n`);
    renameSync(tmp, this.file);
  }

  /** Writes what is pending and stops watching. */
  dispose(): void {
    this.subscription.dispose();
    if (this.timer) this.flush();
  }
}
