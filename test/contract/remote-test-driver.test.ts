// The driver contract suite, unchanged, against libvirtd's test driver through drivers/remote on a lab.
import { afterAll, beforeAll } from 'vitest';
import { openRemoteConnection } from '../../drivers/remote/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { contractSuite } from './suite.js';

let lab: Lab | undefined;

beforeAll(async () => {
  lab = await startLab();
}, 300_000);

afterAll(async () => {
  await lab?.stop();
}, 60_000);

contractSuite('remote (libvirtd test driver)', {
  backend: 'libvirt-test',
  async open(fixture) {
    if (!lab) throw new Error('the lab did not start');
    const conn = await openRemoteConnection(`test+unix://${fixture}?socket=${lab.socketPath}`);
    return { conn, close: () => conn.close() };
  },
});
