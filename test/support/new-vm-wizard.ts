// Driving the New VM wizard in the browser, and waiting for the jobs its Finish starts: shared by the New VM e2e files.
import type { Locator, Page } from 'playwright-core';
import type { JobView } from '../../main/api/contract/index.js';
import type { ApiSocket } from './api-socket.js';

export interface NewVmWizardDriver {
  readonly wizard: () => Locator;
  readonly next: () => Promise<void>;
  readonly stepIs: (n: number) => Promise<void>;
  /** After Finish: 'closed' once the wizard is done, else the failure it shows. */
  readonly finished: () => Promise<string>;
  /** Searches the OS list and picks the entry whose name starts with `name`. */
  readonly chooseOs: (query: string, name: string) => Promise<void>;
}

export function newVmWizard(page: Page): NewVmWizardDriver {
  const wizard = (): Locator => page.getByRole('dialog', { name: 'New virtual machine' });
  const failure = (): Locator => wizard().locator('.pf-v6-c-alert.pf-m-danger');
  return {
    wizard,
    next: async () => { await wizard().getByRole('button', { name: 'Next', exact: true }).click(); },
    stepIs: async (n) => { await wizard().getByText(`Step ${n} of 5`, { exact: true }).waitFor(); },
    finished: () => Promise.race([
      wizard().waitFor({ state: 'detached', timeout: 240_000 }).then(() => 'closed'),
      failure().waitFor({ timeout: 240_000 }).then(() => failure().innerText()),
    ]),
    chooseOs: async (query, name) => {
      await wizard().getByRole('textbox', { name: 'Search operating systems' }).fill(query);
      await wizard().getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
      await wizard().getByText(`Chosen: ${name}`).waitFor();
    },
  };
}

/** A job's end, asked for every 200 ms over the API socket (what the renderer's useJobWait does from events). */
export function jobWaiter(api: ApiSocket): (id: string) => Promise<JobView> {
  return async (id) => {
    for (;;) {
      const j = (await api.call('jobs.list', {})).items.find((x) => x.key === id);
      if (j && j.state !== 'running') return j;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
}
