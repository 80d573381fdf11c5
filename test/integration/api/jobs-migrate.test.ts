// Migration as a job over the WebSocket API, between two labs (tunnelled: the labs' networks have no route to
// each other, the memory travels over the daemons' own connection).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';
import { defineGuestWithDataDisk, headOf, IMAGES, startDefaultPool } from '../../support/migration-disk.js';

describe('jobs: migrating a running VM to another host', () => {
  let source: Lab;
  let target: Lab;
  let dataDir: string;
  let web: BrowserMode;
  let api: ApiSocket;

  const jobUpdates = (id: string): JobView[] =>
    api.events.flatMap((e) => (e.event.type === 'jobs.delta' ? e.event.upserted.filter((j) => j.id === id) : []));
  const finished = (id: string, timeoutMs: number): Promise<unknown> =>
    api.waitFor((e) => e.type === 'jobs.delta' && e.upserted.some((j) => j.id === id && j.state !== 'running'), timeoutMs);
  const uuidOf = async (name: string): Promise<string> => {
    const vm = (await api.call('domains.list', { connection: 'src' })).items.find((d) => d.name === name);
    if (!vm) throw new Error(`no ${name} on the source`);
    return vm.uuid;
  };
  const domstate = async (lab: Lab, name: string): Promise<string> =>
    (await lab.virsh(['domstate', name]).catch((e: unknown) => String(e))).trim();

  beforeAll(async () => {
    [source, target] = await Promise.all([startLab(), startLab()]);
    await Promise.all([source.bootGuest({ name: 'mover' }), source.bootGuest({ name: 'stayer' })]);
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({
      version: 1,
      connections: [
        { id: 'src', uri: source.uri, name: 'source', autoconnect: true },
        { id: 'dst', uri: target.uri, name: 'target', autoconnect: true },
      ],
    }));
    web = await startBrowserMode({ dataDir });
    api = await ApiSocket.open(web.url);
    await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === 'src' && e.items.length === 2, 15_000);
    await api.waitFor((e) => e.type === 'connections.delta' && e.upserted.some((c) => c.key === 'dst' && c.state.state === 'connected'), 15_000);
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await Promise.all([source?.stop(), target?.stop()]);
  });

  it('moves the VM with progress; it runs on the target, defined there and gone from the source', async () => {
    const uuid = await uuidOf('mover');
    // 40 MiB/s: slow enough for progress to be seen, quick enough for a test.
    const job = await api.call('jobs.migrate', { connection: 'src', key: uuid, to: 'dst', tunnelled: true, bandwidthMiBs: 40 });
    expect(job).toMatchObject({ kind: 'domain.migrate', target: 'mover', state: 'running', cancellable: true });
    await finished(job.id, 120_000);
    const updates = jobUpdates(job.id);
    expect(updates.some((u) => u.state === 'running' && u.progress !== null && u.progress > 0 && u.progress < 1)).toBe(true);
    expect(updates.at(-1)).toMatchObject({ state: 'done', progress: 1, result: { kind: 'domain', connectionId: 'dst', uuid, name: 'mover' } });
    // The destination's record of the completed job: the whole moved, and the real pause (not the expected one).
    const moved = updates.at(-1)?.transfer;
    expect(moved?.dataRemaining).toBe(0);
    expect(moved?.dataTotal).toBeGreaterThan(100 * 1024 * 1024);
    expect(moved?.downtimeMs).toBeGreaterThan(0);
    expect(moved?.expectedDowntimeMs).toBeUndefined();
    expect(await domstate(target, 'mover')).toBe('running');
    expect((await target.virsh(['dominfo', 'mover'])).match(/Persistent:\s+(\w+)/)?.[1]).toBe('yes');
    expect(await source.virsh(['list', '--all', '--name'])).not.toContain('mover');
    // The target's inventory sees it arrive.
    await api.waitFor((e) => e.type === 'domains.delta' && e.scope.connection === 'dst' && e.upserted.some((d) => d.uuid === uuid), 10_000);
  });

  it('cancels a slow migration: the VM keeps running on the source and never appears on the target', async () => {
    const uuid = await uuidOf('stayer');
    // 1 MiB/s: the guest's memory would take minutes to copy.
    const job = await api.call('jobs.migrate', { connection: 'src', key: uuid, to: 'dst', tunnelled: true, bandwidthMiBs: 1 });
    await api.waitFor((e) => e.type === 'jobs.delta' && e.upserted.some((j) => j.id === job.id && j.progress !== null && j.progress > 0), 60_000);
    // What is left, from libvirt's job stats: the memory still to copy, and the pause QEMU expects at the end.
    const transfer = jobUpdates(job.id).findLast((u) => u.transfer !== undefined)?.transfer;
    expect(transfer?.dataTotal).toBeGreaterThan(0);
    expect(transfer?.dataRemaining).toBeGreaterThan(0);
    expect(transfer?.dataRemaining).toBeLessThan(transfer?.dataTotal ?? 0);
    expect(transfer?.memoryRemaining).toBe(transfer?.dataRemaining);
    expect(transfer?.expectedDowntimeMs).toBeGreaterThan(0);
    const cancelled = await api.call('jobs.cancel', { job: job.id });
    expect(cancelled.id).toBe(job.id);
    await finished(job.id, 60_000);
    expect(jobUpdates(job.id).at(-1)).toMatchObject({ state: 'cancelled' });
    expect(await domstate(source, 'stayer')).toBe('running');
    expect(await target.virsh(['list', '--all', '--name'])).not.toContain('stayer');
  });

  it('copies a disk the hosts do not share (live, direct over unix sockets): Hangar makes the copy in the target pool, libvirt fills it', async () => {
    const MARK = 'HANGAR-COPIED-DISK-7f3a';
    await startDefaultPool(source);
    const disk = await defineGuestWithDataDisk(source, 'copier', MARK);
    await source.virsh(['start', 'copier']);
    await api.waitFor((e) => e.type === 'domains.delta' && e.scope.connection === 'src' && e.upserted.some((d) => d.name === 'copier'), 15_000);
    const uuid = await uuidOf('copier');
    // The labs' networks have no route to each other; a folder both see carries QEMU's memory and NBD streams.
    const sockets = mkdtempSync(join(tmpdir(), 'hangar-mig-'));
    const direct = { connection: 'src', key: uuid, to: 'dst', tunnelled: false, migrateUri: `unix://${sockets}/memory.sock`, disksUri: `unix://${sockets}/disks.sock` } as const;
    try {
      // libvirt copies disks only with NBD, never tunnelled: refused at the field.
      await expect(api.call('jobs.migrate', { connection: 'src', key: uuid, to: 'dst', tunnelled: true, copyStorage: 'full' }))
        .rejects.toThrow(expect.objectContaining({ field: 'copyStorage', message: expect.stringContaining('direct') as unknown }));
      // The target has no pool for the disk's folder yet: refused before anything starts, naming the folder.
      await expect(api.call('jobs.migrate', { ...direct, copyStorage: 'full' }))
        .rejects.toThrow(expect.objectContaining({ field: 'copyStorage', message: expect.stringContaining(`no active storage pool at ${IMAGES}`) as unknown }));
      await startDefaultPool(target);
      // libvirt cannot pre-create the target of an incremental copy, and neither does Hangar.
      await expect(api.call('jobs.migrate', { ...direct, copyStorage: 'incremental' }))
        .rejects.toThrow(expect.objectContaining({ field: 'copyStorage', message: expect.stringContaining('incremental copy') as unknown }));
      expect(await headOf(target, disk, MARK.length)).toBe('');
      const job = await api.call('jobs.migrate', { ...direct, copyStorage: 'full' });
      await finished(job.id, 180_000);
      expect(jobUpdates(job.id).at(-1)?.error?.message).toBeUndefined();
      expect(jobUpdates(job.id).at(-1)).toMatchObject({ state: 'done', result: { kind: 'domain', connectionId: 'dst', uuid } });
      expect(await domstate(target, 'copier')).toBe('running');
      // The disk's bytes travelled: the target's own file (its /var is its own) starts with the marker.
      expect(await headOf(target, disk, MARK.length)).toBe(MARK);
      expect(await target.virsh(['vol-list', 'default'])).toContain('copier-data.img');
      expect(await source.virsh(['list', '--all', '--name'])).not.toContain('copier');
    } finally {
      rmSync(sockets, { recursive: true, force: true });
    }
  });

  it('refuses an unknown destination and bad input before anything starts', async () => {
    await expect(api.call('jobs.migrate', { connection: 'src', key: await uuidOf('stayer'), to: 'nowhere' })).rejects.toThrow(/No saved connection nowhere/);
    await expect(api.call('jobs.migrate', { connection: 'src', key: await uuidOf('stayer'), to: 'dst', bandwidthMiBs: 0 }))
      .rejects.toThrow(expect.objectContaining({ field: 'bandwidthMiBs' }));
    await expect(api.call('jobs.migrate', { connection: 'src', key: await uuidOf('stayer'), to: 'dst', destinationUri: 'not a uri' }))
      .rejects.toThrow(expect.objectContaining({ field: 'destinationUri' }));
  });
});
