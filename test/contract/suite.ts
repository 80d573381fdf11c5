// The driver contract suite: one set of behaviour cases written only against drivers/api.ts, run unchanged on
// the Demo host (demo-host.test.ts) and on libvirtd through drivers/remote (remote-*.test.ts). Each case gets
// a fresh host loaded from test/fixtures/node/contract-node.xml.
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { Connection } from '../../drivers/api/index.js';
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
import type { CaseApi, CaseFn, SuiteScope } from './scope.js';
import { CONTRACT_NODE, featuresOf, type ContractOptions, type ContractTarget } from './target.js';

export type { Backend, ContractOptions, ContractTarget } from './target.js';
export { CONTRACT_NODE } from './target.js';

export function contractSuite(name: string, options: ContractOptions): void {
  describe(`driver contract: ${name}`, () => {
    let target: ContractTarget | null = null;
    beforeEach(async (ctx) => {
      target = await options.open(CONTRACT_NODE, { name: ctx.task.name });
    }, options.openTimeoutMs);
    afterEach(async () => {
      const t = target;
      target = null;
      await t?.close();
    });
    const scope = (caseApi: CaseApi): SuiteScope => ({
      backend: options.backend,
      features: featuresOf(options.backend),
      it: caseApi,
      guestBootMs: options.guestBootMs ?? 5000,
      conn(): Connection {
        if (!target) throw new Error('no target open');
        return target.conn;
      },
    });
    const group = (title: string, cases: (s: SuiteScope) => void): void => {
      // Collected first so that a group left without cases (only: 'real-hypervisor') is not declared at all:
      // vitest fails an empty describe.
      const declared: { name: string; fn: CaseFn; run: boolean }[] = [];
      const gatedOnly = options.only === 'real-hypervisor';
      cases(scope(Object.assign((n: string, fn: CaseFn): void => {
        if (!gatedOnly) declared.push({ name: n, fn, run: true });
      }, {
        runIf: (condition: boolean) => (n: string, fn: CaseFn): void => {
          declared.push({ name: n, fn, run: condition });
        },
      })));
      if (declared.length === 0) return;
      describe(title, () => {
        for (const c of declared) {
          const reason = options.notRun?.[c.name];
          if (reason !== undefined) it.skip(c.name, c.fn);
          else it.runIf(c.run)(c.name, c.fn);
        }
      });
    };
    group('connection', connectionCases);
    group('domains: list, lookup, define', domainCases);
    group('domain lifecycle', lifecycleCases);
    group('guest operations', guestOpCases);
    group('snapshots', snapshotCases);
    group('networks', networkCases);
    group('storage', storageCases);
    group('node devices', nodeDeviceCases);
    group('stats', statsCases);
    group('events', eventCases);
    group('optional features', demoExtraCases);
  });
}
