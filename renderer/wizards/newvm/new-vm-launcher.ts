// Who asks for the New VM wizard (the manager's toolbar, Ctrl+N) and the shell that shows it meet here.
import { useSyncExternalStore } from 'react';

type Request = { readonly connection?: string } | undefined;
let request: Request;
const listeners = new Set<() => void>();

export function openNewVm(connection?: string): void {
  request = connection ? { connection } : {};
  for (const l of listeners) l();
}

export function closeNewVm(): void {
  request = undefined;
  for (const l of listeners) l();
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The open request (with the host it was asked for), or undefined when the wizard is closed. */
export function useNewVmRequest(): Request {
  return useSyncExternalStore(subscribe, () => request);
}
