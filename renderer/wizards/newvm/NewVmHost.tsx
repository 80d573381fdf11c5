import { closeNewVm, useNewVmRequest } from './new-vm-launcher.js';
import { NewVmWizard } from './NewVmWizard.js';

/** Mounted once by the shell: shows the New VM wizard while it is asked for. */
export function NewVmHost(): React.JSX.Element | null {
  const request = useNewVmRequest();
  if (!request) return null;
  return <NewVmWizard connection={request.connection} onClose={closeNewVm} />;
}
