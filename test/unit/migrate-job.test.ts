import { describe, expect, it } from 'vitest';
import {
  VIR_MIGRATE_LIVE, VIR_MIGRATE_NON_SHARED_DISK, VIR_MIGRATE_NON_SHARED_INC, VIR_MIGRATE_OFFLINE, VIR_MIGRATE_PEER2PEER, VIR_MIGRATE_PERSIST_DEST,
  VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_UNDEFINE_SOURCE,
} from '../../drivers/api/index.js';
import { jobsCalls } from '../../main/api/contract/jobs.js';
import { jobTransfer } from '../../main/services/job-polling.js';
import { migrationFlags } from '../../main/services/migrate-job.js';

const base = { tunnelled: false, temporary: false } as const;

describe('migration flags', () => {
  it('copies storage whole or incrementally only in a live migration', () => {
    const live = VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;
    expect(migrationFlags({ ...base, copyStorage: 'full' })).toBe(live | VIR_MIGRATE_NON_SHARED_DISK);
    expect(migrationFlags({ ...base, copyStorage: 'incremental' })).toBe(live | VIR_MIGRATE_NON_SHARED_INC);
    expect(migrationFlags({ ...base, copyStorage: 'none' })).toBe(live);
    expect(migrationFlags({ ...base, tunnelled: true })).toBe(live | VIR_MIGRATE_TUNNELLED);
    expect(migrationFlags({ ...base, offline: true, copyStorage: 'full' }))
      .toBe(VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE);
  });
});

describe('jobs.migrate input', () => {
  const input = { connection: 'a', key: '6fa76ce6-071d-4353-aeab-e7f654724c73', to: 'b' };
  const fieldOf = (v: unknown): unknown => {
    const r = jobsCalls['jobs.migrate'].safeParse(v);
    return r.success ? null : r.error.issues[0]?.path.join('.');
  };
  it('refuses a tunnelled storage copy and data addresses on a tunnelled migration, at their fields', () => {
    expect(fieldOf({ ...input, tunnelled: true, copyStorage: 'full' })).toBe('copyStorage');
    expect(fieldOf({ ...input, tunnelled: true, migrateUri: 'tcp://h:49152' })).toBe('migrateUri');
    expect(fieldOf({ ...input, copyStorage: 'full', migrateUri: 'unix:///tmp/m.sock', disksUri: 'tcp://h:49153' })).toBeNull();
    expect(fieldOf({ ...input, migrateUri: 'http://h' })).toBe('migrateUri');
    expect(fieldOf({ ...input, disksUri: 'unix://relative' })).toBe('disksUri');
  });
});

describe('job transfer figures from libvirt\'s job stats', () => {
  it('reads the VIR_DOMAIN_JOB_* fields, downtime as expected while running and as real once completed', () => {
    const running = { data_total: 200, data_processed: 50, data_remaining: 150, memory_total: 180, memory_remaining: 140, disk_total: 20, disk_remaining: 10, memory_bps: 1024, downtime: 300, time_elapsed: 1500, operation: 'x' };
    expect(jobTransfer(running)).toEqual({
      dataTotal: 200, dataProcessed: 50, dataRemaining: 150, memoryTotal: 180, memoryRemaining: 140, diskTotal: 20, diskRemaining: 10,
      memoryBps: 1024, expectedDowntimeMs: 300, elapsedMs: 1500,
    });
    expect(jobTransfer({ data_total: 200, data_processed: 200, data_remaining: 0, downtime: 34 }, true)).toEqual({ dataTotal: 200, dataProcessed: 200, dataRemaining: 0, downtimeMs: 34 });
    // Nothing to show until libvirt knows a total; remaining worked out when it is missing.
    expect(jobTransfer({ time_elapsed: 10 })).toBeUndefined();
    expect(jobTransfer({ data_total: 0 })).toBeUndefined();
    expect(jobTransfer({ data_total: 100, data_processed: 30 })).toEqual({ dataTotal: 100, dataProcessed: 30, dataRemaining: 70 });
  });
});
