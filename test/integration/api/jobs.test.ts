import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';

describe('jobs: long operations with progress, cancel and a result', () => {
  let lab: Lab;
  let dataDir: string;
  let web: BrowserMode;
  let api: ApiSocket;
  let hostId: string;

  const jobUpdates = (id: string): JobView[] =>
    api.events.flatMap((e) => (e.event.type === 'jobs.delta' ? e.event.upserted.filter((j) => j.id === id) : []));
  const finished = (id: string, timeoutMs: number): Promise<unknown> =>
    api.waitFor((e) => e.type === 'jobs.delta' && e.upserted.some((j) => j.id === id && j.state !== 'running'), timeoutMs);

  beforeAll(async () => {
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    await lab.virsh(['pool-define-as', 'jobs', 'dir', '--target', join(lab.dir, 'pool')]);
    await lab.virsh(['pool-build', 'jobs']);
    await lab.virsh(['pool-start', 'jobs']);
    await lab.virsh(['vol-create-as', 'jobs', 'disk.raw', '64M', '--format', 'raw']);
    await lab.virsh(['vol-create-as', 'jobs', 'big.raw', '256M', '--format', 'raw']);
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({ version: 1, connections: [{ id: 'lab', uri: lab.uri, name: 'lab', autoconnect: true }] }));
    web = await startBrowserMode({ dataDir });
    api = await ApiSocket.open(web.url);
    hostId = 'lab';
    await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === hostId && e.items.length > 0, 15_000);
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await lab?.stop();
  });

  it('saves a running VM (managed save) and reports the result', async () => {
    const vm = (await api.call('domains.list', { connection: hostId })).items.find((d) => d.name === 'tiny');
    if (!vm) throw new Error('no tiny VM');
    await api.call('domains.action', { connection: hostId, key: vm.key, action: 'start' });
    const job = await api.call('jobs.managedSave', { connection: hostId, key: vm.key });
    expect(job).toMatchObject({ kind: 'domain.managedSave', target: 'tiny', state: 'running', cancellable: true });
    await finished(job.id, 60_000);
    expect(jobUpdates(job.id).at(-1)).toMatchObject({ state: 'done', progress: 1 });
    expect((await lab.virsh(['domstate', '--reason', 'tiny'])).trim()).toBe('shut off (saved)');
  });

  it('uploads a file into a volume with progress, and the bytes arrive', async () => {
    const pool = (await api.call('storage.list', { connection: hostId })).items.find((p) => p.name === 'jobs');
    if (!pool) throw new Error('no pool');
    const data = randomBytes(64 * 1024 * 1024);
    const file = join(lab.dir, 'upload.bin');
    writeFileSync(file, data);
    const job = await api.call('jobs.uploadVolume', { connection: hostId, pool: pool.uuid, volume: 'disk.raw', path: file });
    await finished(job.id, 60_000);
    const updates = jobUpdates(job.id);
    expect(updates.at(-1)).toMatchObject({ state: 'done', progress: 1 });
    expect(updates.some((u) => u.state === 'running' && u.progress !== null && u.progress > 0 && u.progress < 1)).toBe(true);
    const sum = (await lab.exec('sha256sum', [join(lab.dir, 'pool', 'disk.raw')])).stdout.split(' ')[0];
    expect(sum).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('cancels an upload', async () => {
    const pool = (await api.call('storage.list', { connection: hostId })).items.find((p) => p.name === 'jobs');
    if (!pool) throw new Error('no pool');
    const file = join(lab.dir, 'big.bin');
    writeFileSync(file, randomBytes(256 * 1024 * 1024));
    const job = await api.call('jobs.uploadVolume', { connection: hostId, pool: pool.uuid, volume: 'big.raw', path: file });
    await api.call('jobs.cancel', { job: job.id });
    await finished(job.id, 60_000);
    expect(jobUpdates(job.id).at(-1)?.state).toBe('cancelled');
    expect((await api.call('jobs.list', {})).items.find((j) => j.id === job.id)?.state).toBe('cancelled');
  });

  const jobsPool = async (): Promise<string> => {
    const pool = (await api.call('storage.list', { connection: hostId })).items.find((p) => p.name === 'jobs');
    if (!pool) throw new Error('no pool');
    return pool.uuid;
  };
  const sha256 = async (path: string): Promise<string> => (await lab.exec('sha256sum', [path])).stdout.split(' ')[0] ?? '';

  it('creates a volume from a spec, preallocated, with the capacity asked for', async () => {
    const capacity = 96 * 1024 * 1024;
    const job = await api.call('jobs.createVolume', { connection: hostId, pool: await jobsPool(), volume: { name: 'made.raw', capacity, allocation: capacity, format: 'raw' } });
    expect(job).toMatchObject({ kind: 'volume.create', target: 'made.raw', state: 'running', cancellable: false });
    await finished(job.id, 60_000);
    const updates = jobUpdates(job.id);
    // Preallocation starts at 0 and is known; libvirt fallocates, so the end often comes before another poll.
    expect(updates.some((u) => u.state === 'running' && u.progress === 0)).toBe(true);
    const last = updates.at(-1);
    expect(last).toMatchObject({ state: 'done', progress: 1, result: { kind: 'volume', pool: 'jobs', name: 'made.raw', capacity, path: join(lab.dir, 'pool', 'made.raw') } });
    expect(last?.result?.kind === 'volume' && last.result.allocation).toBeGreaterThanOrEqual(capacity);
    expect(await lab.virsh(['vol-info', '--bytes', '--pool', 'jobs', 'made.raw'])).toMatch(new RegExp(`Capacity:\\s+${capacity} bytes`));
  });

  it('creates a sparse qcow2 volume from XML, its progress unknown until done', async () => {
    const xml = `<volume><name>made.qcow2</name><capacity unit='G'>2</capacity><allocation>0</allocation><target><format type='qcow2'/></target></volume>`;
    const job = await api.call('jobs.createVolume', { connection: hostId, pool: await jobsPool(), volume: { xml } });
    await finished(job.id, 60_000);
    const updates = jobUpdates(job.id);
    expect(updates.filter((u) => u.state === 'running').every((u) => u.progress === null)).toBe(true);
    expect(updates.at(-1)).toMatchObject({ state: 'done', result: { kind: 'volume', name: 'made.qcow2', capacity: 2 * 1024 ** 3 } });
    const info = await lab.exec('qemu-img', ['info', '--output=json', join(lab.dir, 'pool', 'made.qcow2')]);
    expect(JSON.parse(info.stdout)).toMatchObject({ format: 'qcow2', 'virtual-size': 2 * 1024 ** 3 });
  });

  it('clones a volume with progress; the copy has the same bytes; cancel is refused, saying why', async () => {
    const size = 512 * 1024 * 1024;
    await lab.virsh(['vol-create-as', 'jobs', 'golden.raw', String(size), '--format', 'raw']);
    const golden = join(lab.dir, 'pool', 'golden.raw');
    const dd = await lab.exec('dd', ['if=/dev/urandom', `of=${golden}`, 'bs=1M', `count=${size / 1024 / 1024}`, 'conv=notrunc', 'status=none']);
    expect(dd.code).toBe(0);
    await lab.virsh(['pool-refresh', 'jobs']);
    const job = await api.call('jobs.cloneVolume', { connection: hostId, pool: await jobsPool(), volume: 'golden.raw', name: 'copy.raw' });
    expect(job).toMatchObject({ kind: 'volume.clone', target: 'copy.raw', cancellable: false });
    await expect(api.call('jobs.cancel', { job: job.id })).rejects.toThrow(/libvirt cannot stop a volume being created or cloned/);
    await finished(job.id, 120_000);
    const updates = jobUpdates(job.id);
    expect(updates.some((u) => u.state === 'running' && u.progress !== null && u.progress > 0 && u.progress < 1)).toBe(true);
    expect(updates.at(-1)).toMatchObject({ state: 'done', progress: 1, result: { kind: 'volume', name: 'copy.raw', capacity: size, path: join(lab.dir, 'pool', 'copy.raw') } });
    expect(await sha256(join(lab.dir, 'pool', 'copy.raw'))).toBe(await sha256(golden));
  });

  it('refuses bad input before anything starts', async () => {
    const pool = '00000000-0000-0000-0000-000000000000';
    await expect(api.call('jobs.cloneVolume', { connection: hostId, pool, volume: 'a', name: '../b' })).rejects.toThrow(expect.objectContaining({ field: 'name' }));
    await expect(api.call('jobs.createVolume', { connection: hostId, pool, volume: { name: 'v', capacity: 0 } })).rejects.toThrow(expect.objectContaining({ field: 'volume.capacity' }));
    await expect(api.call('jobs.migrate', { connection: hostId, key: '00000000-0000-0000-0000-000000000000', to: hostId })).rejects.toThrow(expect.objectContaining({ field: 'to' }));
    await expect(api.call('jobs.uploadVolume', { connection: hostId, pool: '00000000-0000-0000-0000-000000000000', volume: 'x', path: 'relative/file' }))
      .rejects.toThrow(expect.objectContaining({ field: 'path' }));
    await expect(api.call('jobs.cancel', { job: 'no-such-job' })).rejects.toThrow(/No job no-such-job/);
  });
});
