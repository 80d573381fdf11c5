import { NavItem } from '@patternfly/react-core';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Entries listed per group; a host with 1,000 VMs shows the first ones and "N more" that opens where all are. */
const CAP = 50;
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const NONE: readonly never[] = [];

/**
 * An open sidebar group's entries: the first CAP by name (natural order), then "N more". They come in a render of
 * their own, deferred: at start-up a host's fifty entries were a third of the page's elements, and the VM list,
 * which is what the user came for, waited for them to be built, styled and laid out before it could show.
 */
export function SidebarEntries<T extends { name: string }>({ items, entry, onMore }: {
  items: readonly T[];
  entry: (item: T) => React.ReactNode;
  onMore: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...items].sort((a, b) => byName.compare(a.name, b.name)), [items]);
  const shown = useDeferredValue<readonly T[]>(sorted, NONE);
  return (
    <>
      {shown.slice(0, CAP).map(entry)}
      {shown.length > CAP && (
        <NavItem component="button" onClick={onMore} className="sidebar-more">{t('sidebar.more', { count: shown.length - CAP })}</NavItem>
      )}
    </>
  );
}
