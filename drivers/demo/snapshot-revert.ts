// Reverting a domain to a snapshot, with the transitions and events of libvirt's test driver
// (testDomainRevertToSnapshot): inactive/running/paused before, inactive/running/paused after.
import * as api from '../api/index.js';
import type { DemoHost } from './demo-host.js';
import type { DomainObject } from './domain-object.js';
import { checkFlags, testError } from './errors.js';

export function revertToSnapshot(host: DemoHost, dom: DomainObject, name: string, flags: number): void {
  checkFlags(
    flags,
    api.VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | api.VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED | api.VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,
    'testDomainRevertToSnapshot',
  );
  const snap = dom.snapshots.get(name);
  if (!snap) throw testError(api.VIR_ERR_NO_DOMAIN_SNAPSHOT, `no domain snapshot with matching name '${name}'`);
  const snapRuns = snap.state === 'running' || snap.state === 'paused';
  const wantRun = (flags & (api.VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | api.VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)) !== 0;
  if (!dom.persistent && !snapRuns && !wantRun) {
    throw testError(api.VIR_ERR_OPERATION_INVALID, 'transient domain needs to request run or pause to revert to inactive snapshot');
  }
  if (!(flags & api.VIR_DOMAIN_SNAPSHOT_REVERT_FORCE) && dom.active && !snapRuns && wantRun) {
    throw testError(api.VIR_ERR_SNAPSHOT_REVERT_RISKY, 'must respawn guest to start inactive snapshot');
  }
  const lifecycle = (event: number, detail: number): void => host.emitLifecycle(dom, event, detail);
  const assign = (): void => {
    if (dom.config) dom.config = snap.domain.clone();
    if (dom.active || !dom.persistent) dom.live = snap.domain.clone();
  };
  const pause = (): void => {
    dom.state = api.VIR_DOMAIN_PAUSED;
    dom.reason = api.VIR_DOMAIN_PAUSED_FROM_SNAPSHOT;
    dom.activity?.setRunning(false);
  };
  const paused = !(flags & api.VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) && (snap.state === 'paused' || (flags & api.VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED) !== 0);

  if (snapRuns || wantRun) {
    if (!snapRuns && dom.active) {
      // Forced respawn: stop first (the running → inactive half of the transition).
      const ref = host.domainRef(dom);
      host.stopGuest(dom, api.VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
      host.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_STOPPED, detail: api.VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT });
      if (!host.domains.has(dom.uuid)) host.domains.set(dom.uuid, dom);
    }
    if (dom.active) {
      const wasRunning = dom.state === api.VIR_DOMAIN_RUNNING;
      assign();
      if (paused) {
        pause();
        if (wasRunning) lifecycle(api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
      } else {
        dom.state = api.VIR_DOMAIN_RUNNING;
        dom.reason = api.VIR_DOMAIN_RUNNING_FROM_SNAPSHOT;
        dom.activity?.setRunning(true);
        if (!wasRunning) lifecycle(api.VIR_DOMAIN_EVENT_RESUMED, api.VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT);
      }
    } else {
      if (dom.config) dom.config = snap.domain.clone();
      else dom.live = snap.domain.clone();
      host.startGuest(dom, api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_RUNNING_FROM_SNAPSHOT);
      lifecycle(api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
      if (paused) {
        pause();
        lifecycle(api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
      }
    }
  } else {
    assign();
    if (dom.active) {
      const ref = host.domainRef(dom);
      host.stopGuest(dom, api.VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
      host.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_STOPPED, detail: api.VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT });
    }
  }
  dom.currentSnapshot = name;
}
