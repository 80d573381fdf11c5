// OS detection from install media: small ISOs with the volume descriptors of 30+ distributions' media, built with
// xorriso; detected from the file, and on the lab's libvirtd through the volume download stream (first sectors
// only), the OS is the one osinfo-db's media rule belongs to. The command line says the same.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../drivers/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import type { Connection } from '../../../drivers/api/index.js';
import { OsinfoService } from '../../../main/services/osinfo/osinfo-service.js';
import { DISTRO_MEDIA, NEWER_MEDIA, xorrisoArgs, type MediaFixture } from '../../fixtures/iso/distro-media.js';
import { startLab, type Lab } from '../../lab/lab.js';

const run = promisify(execFile);
const POOL = 'isos';

describe('OS detection from ISO volume descriptors', () => {
  const osinfo = new OsinfoService();
  let dir: string;
  let lab: Lab;
  let conn: Connection;
  let poolUuid: string;
  const isoOf = (i: number): string => join(dir, `media-${i}.iso`);
  const all: readonly MediaFixture[] = [...DISTRO_MEDIA, ...NEWER_MEDIA];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-detect-'));
    const content = join(dir, 'content');
    mkdirSync(content);
    writeFileSync(join(content, 'README'), 'a tiny disc\n');
    // The fixture step: one small ISO per media descriptor.
    for (const [i, m] of all.entries()) await run('xorriso', xorrisoArgs(m, isoOf(i), content));
    lab = await startLab();
    const poolDir = join(lab.dir, POOL);
    await lab.virsh(['pool-define-as', POOL, 'dir', '--target', poolDir]);
    await lab.virsh(['pool-build', POOL]);
    await lab.virsh(['pool-start', POOL]);
    for (const i of all.keys()) await run('cp', [isoOf(i), join(poolDir, `media-${i}.iso`)]);
    await lab.virsh(['pool-refresh', POOL]);
    conn = await openConnection(lab.uri);
    poolUuid = (await conn.storagePoolLookupByName(POOL)).uuid;
  });
  afterAll(async () => {
    await conn?.close();
    await lab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`names the OS of each of ${DISTRO_MEDIA.length} distributions' media from the file`, async () => {
    expect(new Set(DISTRO_MEDIA.map((m) => osinfo.db.get(m.expect)?.distro)).size).toBeGreaterThanOrEqual(30);
    const got: string[] = [];
    for (const i of DISTRO_MEDIA.keys()) got.push((await osinfo.detectFile(isoOf(i))).match?.os.shortId ?? '(none)');
    expect(got).toEqual(DISTRO_MEDIA.map((m) => m.expect));
  });

  it('names the same OS through the lab volume download stream', async () => {
    const got: string[] = [];
    for (const i of DISTRO_MEDIA.keys()) got.push((await osinfo.detectVolume(conn, poolUuid, `media-${i}.iso`)).match?.os.shortId ?? '(none)');
    expect(got).toEqual(DISTRO_MEDIA.map((m) => m.expect));
  });

  it('names the same OS on the host reached over SSH (qemu+ssh), through the download stream', async () => {
    await lab.exec('mkdir', ['-p', '/run/lock']);
    const uri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}`;
    const ssh = await openRemoteConnection(uri, { ssh: { knownHostsPath: lab.ssh.knownHostsPath, configPath: join(dir, 'no-ssh-config'), agentSocket: null } });
    try {
      const got: string[] = [];
      for (const i of DISTRO_MEDIA.keys()) got.push((await osinfo.detectVolume(ssh, poolUuid, `media-${i}.iso`)).match?.os.shortId ?? '(none)');
      expect(got).toEqual(DISTRO_MEDIA.map((m) => m.expect));
    } finally {
      await ssh.close();
    }
  });

  it('offers the newest known release for media newer than the database', async () => {
    for (const [j, m] of NEWER_MEDIA.entries()) {
      const r = await osinfo.detectVolume(conn, poolUuid, `media-${DISTRO_MEDIA.length + j}.iso`);
      expect(r.descriptor?.volumeId).toBe(m.volumeId);
      expect(r.match?.os.shortId ?? '').toBe(m.expect);
      expect([r.newer?.distro, r.newer?.offered.shortId]).toEqual([m.distro, m.offered]);
    }
  });

  it('says plainly on the command line what matched, what is newer, and what is no disc', async () => {
    const cli = (args: string[]) => run('npx', ['tsx', 'main/cli/hangar.ts', 'detect-os', ...args]).then(
      (r) => ({ code: 0, out: r.stdout.trim(), err: r.stderr.trim() }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout.trim(), err: e.stderr.trim() }),
    );
    expect(await cli([isoOf(0)])).toMatchObject({ code: 0, out: DISTRO_MEDIA[0]!.expect });
    const remote = await cli(['--connect', lab.uri, '--pool', POOL, '--volume', 'media-1.iso']);
    expect(remote).toMatchObject({ code: 0, out: DISTRO_MEDIA[1]!.expect });
    const newer = await cli([isoOf(DISTRO_MEDIA.length)]);
    expect(newer.code).toBe(3);
    expect(newer.err).toContain('newer than osinfo-db');
    expect(newer.err).toContain('debian11');
    const notIso = await cli([join(dir, 'content', 'README')]);
    expect(notIso).toMatchObject({ code: 3, out: '' });
    expect(notIso.err).toContain('not an ISO 9660 image');
  });
});
