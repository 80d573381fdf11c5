import {
  VIR_DOMAIN_BLOCKED, VIR_DOMAIN_CRASHED, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED, VIR_DOMAIN_RUNNING,
  VIR_DOMAIN_SHUTDOWN, VIR_DOMAIN_SHUTOFF,
} from '../../drivers/api/index.js';
import type { DomainAction } from '../../main/api/contract/index.js';

export type StateKey = 'running' | 'idle' | 'paused' | 'shuttingDown' | 'shutoff' | 'crashed' | 'suspended' | 'unknown';

export function stateKey(state: number): StateKey {
  switch (state) {
    case VIR_DOMAIN_RUNNING: return 'running';
    case VIR_DOMAIN_BLOCKED: return 'idle';
    case VIR_DOMAIN_PAUSED: return 'paused';
    case VIR_DOMAIN_SHUTDOWN: return 'shuttingDown';
    case VIR_DOMAIN_SHUTOFF: return 'shutoff';
    case VIR_DOMAIN_CRASHED: return 'crashed';
    case VIR_DOMAIN_PMSUSPENDED: return 'suspended';
    default: return 'unknown';
  }
}

/** The actions that make sense in a state, in virt-manager's order. */
export function actionsFor(state: number): DomainAction[] {
  switch (stateKey(state)) {
    case 'shutoff': return ['start'];
    case 'crashed': return ['start', 'forceoff'];
    case 'running':
    case 'idle': return ['pause', 'shutdown', 'reboot', 'reset', 'forceoff'];
    case 'paused': return ['resume', 'forceoff'];
    case 'shuttingDown': return ['forceoff'];
    case 'suspended': return ['forceoff'];
    default: return [];
  }
}

/** Actions that can lose the guest's unsaved work are confirmed first. */
export const CONFIRMED_ACTIONS: ReadonlySet<DomainAction> = new Set(['shutdown', 'reboot', 'reset', 'forceoff']);
