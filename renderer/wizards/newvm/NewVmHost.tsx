import { lazy, Suspense } from 'react';
import { closeNewVm, useNewVmRequest } from './new-vm-launcher.js';

// Loaded when first asked for: the manager's first paint does not carry the wizard (and osinfo's lists).
const NewVmWizard = lazy(() => import('./NewVmWizard.js').then((m) => ({ default: m.NewVmWizard })));

/** Mounted once by the shell: shows the New VM wizard while it is asked for. */
export function NewVmHost(): React.JSX.Element | null {
  const request = useNewVmRequest();
  if (!request) return null;
  return <Suspense fallback={null}><NewVmWizard connection={request.connection} onClose={closeNewVm} /></Suspense>;
}
