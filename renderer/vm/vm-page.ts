import type { DomainSummary } from '../../main/api/contract/index.js';

/** What every sub-page of a VM tab (Details, Console, Snapshots, History) is given by the tab. */
export interface VmPageProps {
  readonly connection: string;
  readonly uuid: string;
  /** The VM's summary from the shared store, as it is now. */
  readonly domain: DomainSummary;
}
