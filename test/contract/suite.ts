// The driver contract suite: one set of behaviour cases written only against drivers/api.ts, run unchanged on
// the Demo host (demo-host.test.ts) and on libvirtd through drivers/remote (remote-*.test.ts). Each case gets
// a fresh host loaded from test/fixtures/node/contract-node.xml.
import { afterEach, beforeEach, describe } from 'vitest';
import type { Connection } from '../../drivers/api.js';
import { connectionCases } from './cases/connection.js';
import { demoExtraCases } from './cases/demo-extras.js';
import { domainCases } from './cases/domains.js';
import { eventCases } from './cases/events.js';
import { guestOpCases } from './cases/guest-ops.js';
import { lifecycleCases } from './cases/lifecycle.js';
import { networkCases } from './cases/networks.js';
import { nodeDeviceCases } from './cases/node-devices.js';
import { snapshotCases } from './cases/snapshots.js';
import { statsCases } from './cases/stats.js';
import { storageCases } from './cases/storage.js';
import type { SuiteScope } from './scope.js';
import { CONTRACT_NODE, featuresOf, type ContractOptions, type ContractTarget } from './target.js';

export type { Backend, ContractOptions, ContractTarget } from './target.js';
export { CONTRACT_NODE } from './target.js';

export function contractSuite(name: string, options: ContractOptions): void {
  describe(`driver contract: ${name}`, () => {
    let target: ContractTarget | null = null;
    beforeEach(async () => {
      target = await options.open(CONTRACT_NODE);
    });
    afterEach(async () => {
      const t = target;
      target = null;
      await t?.close();
    });
    const scope: SuiteScope = {
      backend: options.backend,
      features: featuresOf(options.backend),
      conn(): Connection {
        if (!target) throw new Error('no target open');
        return target.conn;
      },
    };
    describe('connection', () => connectionCases(scope));
    describe('domains: list, lookup, define', () => domainCases(scope));
    describe('domain lifecycle', () => lifecycleCases(scope));
    describe('guest operations', () => guestOpCases(scope));
    describe('snapshots', () => snapshotCases(scope));
    describe('networks', () => networkCases(scope));
    describe('storage', () => storageCases(scope));
    describe('node devices', () => nodeDeviceCases(scope));
    describe('stats', () => statsCases(scope));
    describe('events', () => eventCases(scope));
    describe('optional features', () => demoExtraCases(scope));
  });
}
