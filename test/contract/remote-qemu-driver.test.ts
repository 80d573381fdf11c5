// The driver contract suite's cases that need a real hypervisor (the ones gated by a feature libvirt's test driver
// lacks), unchanged, against the lab libvirtd's qemu driver through drivers/remote. The host is prepared to the
// fixture's equivalent before each case (qemu-host.ts); alpha is the tiny guest, under KVM only where it boots there (accel.ts).
import { afterAll, beforeAll, vi } from 'vitest';
import { openRemoteConnection } from '../../drivers/remote/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { CONTRACT_LAB, QemuContractHost } from './qemu-host.js';
import { contractSuite } from './suite.js';

/** A guest boots to its shell in ~20 s under TCG; this leaves room for a busy machine. */
const GUEST_BOOT_MS = 90_000;
/** The one case that watches alpha's boot log from its start: the others get alpha already at its shell. */
const BOOT_LOG_CASE = 'opens the serial console of a running domain: boot log, then a shell that answers';

vi.setConfig({ testTimeout: GUEST_BOOT_MS + 30_000 });

let lab: Lab | undefined;
let host: QemuContractHost | undefined;

beforeAll(async () => {
  lab = await startLab(CONTRACT_LAB);
  host = await QemuContractHost.start(lab);
}, 300_000);

afterAll(async () => {
  await host?.close();
  await lab?.stop();
}, 60_000);

contractSuite('remote (libvirtd qemu driver)', {
  backend: 'libvirt-qemu',
  only: 'real-hypervisor',
  guestBootMs: GUEST_BOOT_MS,
  openTimeoutMs: GUEST_BOOT_MS + 90_000,
  async open(_fixture, info) {
    if (!lab || !host) throw new Error('the lab did not start');
    await host.prepare(info.name === BOOT_LOG_CASE ? 'fresh-boot' : 'booted');
    const conn = await openRemoteConnection(lab.uri);
    return { conn, close: () => conn.close() };
  },
});
