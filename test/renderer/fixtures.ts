import type { ConnectionView, DomainSample, DomainSummary, JobView } from '../../main/api/contract/index.js';

export const UUID_A = '11111111-1111-4111-8111-111111111111';
export const UUID_B = '22222222-2222-4222-8222-222222222222';

export const conn = (id: string, state: ConnectionView['state'] = { state: 'connected' }): ConnectionView => ({
  key: id, saved: { id, uri: `qemu+ssh://${id}/system`, name: id, autoconnect: true }, state,
});

export const dom = (uuid: string, name: string, state = 1): DomainSummary => ({
  key: uuid, uuid, name, id: state === 1 ? 1 : -1, state, reason: 0, persistent: true, autostart: false, managedSave: false, tags: [], diskSources: [],
});

export const sample = (cpuPercent: number): DomainSample => ({
  cpuPercent, vcpus: 1, memoryKiB: 1024, diskReadBps: 0, diskWriteBps: 0, netRxBps: 0, netTxBps: 0,
});

export const job = (id: string, state: JobView['state'], progress: number | null = null): JobView => ({
  key: id, id, connectionId: 'h1', kind: 'volume.clone', target: 'disk.qcow2', state, progress, cancellable: false, startedAt: 0,
  ...(state === 'failed' ? { error: { message: 'Storage volume not found', code: 50 } } : {}),
});

export const host = { cpuCores: 0, memoryKiB: 0, diskBps: 0, netBps: 0 };
