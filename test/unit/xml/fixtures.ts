// The committed fixtures: XML captured from the lab's libvirtd (virsh dumpxml & co.) and from
// virt-install; see test/fixtures/xml/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const fixtureDir = resolve(import.meta.dirname, '../../fixtures/xml');

export function fixture(name: string): string {
  return readFileSync(join(fixtureDir, name), 'utf8');
}

export function allFixtures(): { name: string; xml: string }[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, xml: fixture(name) }));
}
