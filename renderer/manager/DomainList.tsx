import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DomainAction, DomainSummary } from '../../main/api/contract.js';
import type { HostsStore } from '../state/hosts-store.js';
import { DomainRow } from './DomainRow.js';

const ROW_HEIGHT = 36;

/** A host's VMs, virtualized: only the rows in view are in the page, so a host with thousands of VMs stays fast. */
export function DomainList({ hostId, domains, store, busy, onAction }: {
  hostId: string;
  domains: readonly DomainSummary[];
  store: HostsStore;
  busy: ReadonlySet<string>;
  onAction: (domain: DomainSummary, action: DomainAction) => void;
}): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: domains.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => domains[i]?.uuid ?? i,
    // Without layout (tests, first paint) still render the first screenful.
    initialRect: { width: 1000, height: 600 },
  });
  return (
    <div ref={scroller} className="domain-scroller" data-count={domains.length}>
      <ul className="domain-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const d = domains[item.index];
          if (!d) return null;
          return (
            <DomainRow key={d.uuid} top={item.start} domain={d} cpu={store.cpuHistory(d.uuid)}
              busy={busy.has(`${hostId}/${d.uuid}`)} onAction={onAction} />
          );
        })}
      </ul>
    </div>
  );
}
