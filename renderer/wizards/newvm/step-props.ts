import type { StepErrors, NewVmState } from './new-vm-state.js';

/** What every step of the New VM wizard gets: the state, a way to change it, and its own field messages. */
export interface StepProps {
  readonly state: NewVmState;
  readonly set: (patch: Partial<NewVmState>) => void;
  readonly errors: StepErrors;
}
