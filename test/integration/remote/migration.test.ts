// Live migration with the params API between two labs: peer-to-peer and tunnelled (the memory travels over
// the daemons' own connection, so the labs' private networks need no route to each other), with the
// source's JOB_COMPLETED event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VirError, VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, VIR_DOMAIN_RUNNING, VIR_ERR_OPERATION_ABORTED, type DomainJobCompletedEvent,
} from '../../../drivers/api/index.js';
import { openRemoteConnection, type RemoteConnection, type RemoteDomain } from '../../../drivers/remote/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

const VIR_MIGRATE_LIVE = 1;
const VIR_MIGRATE_PEER2PEER = 2;
const VIR_MIGRATE_TUNNELLED = 4;

let source: Lab;
let target: Lab;
let src: RemoteConnection;
let dst: RemoteConnection;

beforeAll(async () => {
  [source, target] = await Promise.all([startLab(), startLab()]);
  src = await openRemoteConnection(source.uri);
  dst = await openRemoteConnection(target.uri);
});

afterAll(async () => {
  await src?.close();
  await dst?.close();
  await Promise.all([source?.stop(), target?.stop()]);
});

describe('migration', () => {
  it('moves a running guest to another host and reports the completed job', async () => {
    const completed: DomainJobCompletedEvent[] = [];
    const reg = await src.domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, (e) => completed.push(e));
    const dom = (await src.domainCreateXML(source.tinyGuestXml({ name: 'mover' }))) as RemoteDomain;
    await dom.migrateToURI3(`qemu+unix:///system?socket=${target.socketPath}`, {}, VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED);
    expect((await src.listAllDomains()).map((d) => d.name)).toEqual([]);
    const moved = await dst.domainLookupByName('mover');
    expect(moved.uuid).toBe(dom.uuid);
    expect((await moved.getState()).state).toBe(VIR_DOMAIN_RUNNING);
    expect((await target.virsh(['domstate', 'mover'])).trim()).toBe('running');
    const end = Date.now() + 10_000;
    while (completed.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(completed[0]?.domain.name).toBe('mover');
    expect(completed[0]?.params.map((p) => p.field)).toContain('time_elapsed');
    await reg.dispose();
    await moved.destroy();
  });

  it('shows a slow migration as a job and aborts it, while the migration call is still in flight', async () => {
    const dom = (await src.domainCreateXML(source.tinyGuestXml({ name: 'slow' }))) as RemoteDomain;
    // 1 MiB/s: the guest's memory would take minutes to copy.
    const migrating = dom.migrateToURI3(`qemu+unix:///system?socket=${target.socketPath}`, { bandwidth: 1 },
      VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED).then(() => null, (e: unknown) => e as VirError);
    const end = Date.now() + 30_000;
    let info = await dom.getJobInfo();
    while ((info.type === 0 || info.dataTotal === 0) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      info = await dom.getJobInfo();
    }
    expect(info.type).not.toBe(0);
    expect(info.dataTotal).toBeGreaterThan(0);
    const stats = await dom.getJobStats();
    expect(stats.params['operation']).toBeDefined();
    await dom.abortJob();
    const err = await migrating;
    expect(err).toBeInstanceOf(VirError);
    expect(err?.code).toBe(VIR_ERR_OPERATION_ABORTED);
    expect((await dom.getState()).state).toBe(VIR_DOMAIN_RUNNING);
    expect((await dst.listAllDomains()).map((d) => d.name)).not.toContain('slow');
    await dom.destroy();
  });
});
