// The DomainSnapshot contract (virDomainSnapshotPtr).
import type { Domain } from './domain.js';

/** A handle on a domain snapshot (virDomainSnapshotPtr). */
export interface DomainSnapshot {
  readonly name: string;
  /** The domain it belongs to. */
  readonly domain: Domain;
  getXMLDesc(flags?: number): Promise<string>;
  /** VIR_ERR_NO_DOMAIN_SNAPSHOT if it is a root. */
  getParent(flags?: number): Promise<DomainSnapshot>;
  isCurrent(flags?: number): Promise<boolean>;
  hasMetadata(flags?: number): Promise<boolean>;
  /** flags: VIR_DOMAIN_SNAPSHOT_LIST_* (DESCENDANTS for all, not only direct children) */
  listAllChildren(flags?: number): Promise<DomainSnapshot[]>;
  /** flags: VIR_DOMAIN_SNAPSHOT_DELETE_* */
  delete(flags?: number): Promise<void>;
}
