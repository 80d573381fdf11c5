import type { ConfirmKind, DomainAction } from '../../main/api/contract/index.js';

/** Which confirmation preference covers a lifecycle action (none: it is never asked about), as in virt-manager. */
export function confirmKindOf(action: DomainAction | 'save'): ConfirmKind | undefined {
  switch (action) {
    case 'forceoff':
    case 'reset': return 'forceOff';
    case 'shutdown':
    case 'reboot':
    case 'save': return 'powerOff';
    case 'pause': return 'pause';
    case 'start':
    case 'resume': return undefined;
  }
}
