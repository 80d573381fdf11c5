import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecked } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, '..', '..');
const cacheDir = join(projectRoot, '.cache', 'lab');

/**
 * The tiny test guest's ISO, built once from Debian packages and cached under .cache/lab (git-ignored).
 * The cache key covers the build script, the kernel and busybox, so an upgrade rebuilds it.
 */
export async function ensureTinyImage(): Promise<string> {
  const script = join(here, 'build-tiny-image.sh');
  const kernels = existsSync('/boot') ? readdirSync('/boot').filter((f) => f.startsWith('vmlinuz-')).sort() : [];
  if (kernels.length === 0) throw new Error('The lab needs a Linux kernel in /boot for its test guest: apt-get install linux-image-amd64');
  if (!existsSync('/bin/busybox')) throw new Error('The lab needs /bin/busybox for its test guest: apt-get install busybox-static');
  const key = createHash('sha256')
    .update(readFileSync(script))
    .update(kernels.join(','))
    .update(readFileSync('/bin/busybox'))
    .digest('hex')
    .slice(0, 16);
  const iso = join(cacheDir, `tiny-${key}.iso`);
  if (!existsSync(iso)) {
    mkdirSync(cacheDir, { recursive: true });
    await runChecked('bash', [script, iso]);
  }
  return iso;
}

export interface TinyKernel {
  readonly kernel: string;
  readonly initrd: string;
}

/** The tiny guest's kernel and initramfs, taken out of its ISO once (for direct kernel boots) and cached beside it. */
export async function ensureTinyKernel(): Promise<TinyKernel> {
  const iso = await ensureTinyImage();
  const base = iso.replace(/\.iso$/, '');
  const files = { kernel: `${base}.vmlinuz`, initrd: `${base}.initrd.gz` };
  if (!existsSync(files.kernel) || !existsSync(files.initrd)) {
    // Extracted under temporary names and renamed, so a concurrent lab never boots a half-written file.
    const tmp = `${base}.${process.pid}`;
    await runChecked('xorriso', ['-osirrox', 'on', '-indev', iso,
      '-extract', '/boot/vmlinuz', `${tmp}.vmlinuz`, '-extract', '/boot/initrd.gz', `${tmp}.initrd.gz`]);
    renameSync(`${tmp}.vmlinuz`, files.kernel);
    renameSync(`${tmp}.initrd.gz`, files.initrd);
  }
  return files;
}
