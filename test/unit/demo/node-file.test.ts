import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { DemoHost } from '../../../drivers/demo/demo-host.js';
import { dumpNode, loadNode, parseNodeText } from '../../../drivers/demo/node-file.js';
import { formatXml } from '../../../drivers/xml/index.js';

const TEST_NS = 'http://libvirt.org/schemas/domain/test/1.0';
const dom = (name: string, extra = ''): string =>
  `<domain type='test'><name>${name}</name><memory>1024</memory><os><type>hvm</type></os>${extra}</domain>`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'hangar-node-'));
  dirs.push(d);
  return d;
}

async function loadError(xml: string): Promise<api.VirError> {
  const dir = tmp();
  writeFileSync(join(dir, 'node.xml'), xml);
  try {
    const c = await openConnection(`test://${join(dir, 'node.xml')}`);
    await c.close();
  } catch (e) {
    return e as api.VirError;
  }
  throw new Error('the node file loaded');
}

describe('test-driver node files', () => {
  it('refuses what libvirt refuses, with its messages', async () => {
    expect((await loadError('<nodes/>')).message).toBe("XML error: Root element is not 'node'");
    expect((await loadError(`<node xmlns:test='${TEST_NS}'>${dom('a', '<test:transient/><test:runstate>5</test:runstate>')}</node>`)).message).toBe(
      "XML error: transient domain cannot have runstate 'shutoff'",
    );
    expect((await loadError(`<node xmlns:test='${TEST_NS}'>${dom('a', '<test:hasmanagedsave/>')}</node>`)).message).toBe(
      "XML error: domain with managedsave data can only have runstate 'shutoff'",
    );
    expect((await loadError(`<node xmlns:test='${TEST_NS}'>${dom('a', '<test:runstate>9</test:runstate>')}</node>`)).code).toBe(api.VIR_ERR_XML_ERROR);
    expect((await loadError(`<node>${dom('a')}${dom('a')}</node>`)).code).toBe(api.VIR_ERR_OPERATION_FAILED);
  });

  it('reads objects from files next to the node file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.xml'), dom('from-file'));
    writeFileSync(join(dir, 'node.xml'), "<node><domain file='d.xml'/></node>");
    const c = await openConnection(`test://${join(dir, 'node.xml')}`);
    const d = await c.domainLookupByName('from-file');
    expect((await d.getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    await c.close();
  });

  it('gives each file connection its own host', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'node.xml'), `<node>${dom('solo')}</node>`);
    const a = await openConnection(`test://${join(dir, 'node.xml')}`);
    const b = await openConnection(`test://${join(dir, 'node.xml')}`);
    await (await a.domainLookupByName('solo')).destroy();
    expect((await (await b.domainLookupByName('solo')).getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    await a.close();
    await b.close();
  });

  it('writes a host back so that reloading gives the same states, snapshots and flags', async () => {
    const c = await openConnection('test:///default');
    const host = (c as unknown as { host: DemoHost }).host;
    const before = formatXml(dumpNode(host));
    const copy = new DemoHost();
    loadNode(copy, parseNodeText(before, null));
    expect(formatXml(dumpNode(copy))).toBe(before);
    copy.dispose();
    await c.close();
  });

  it('refuses URIs without a path', async () => {
    await expect(openConnection('test:///')).rejects.toMatchObject({ code: api.VIR_ERR_INVALID_ARG, message: 'invalid argument: testOpen: supply a path or use test:///default' });
    await expect(openConnection('not a uri')).rejects.toMatchObject({ code: api.VIR_ERR_NO_CONNECT });
  });
});
