import { NavItem } from '@patternfly/react-core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Entries listed per group; a host with 1,000 VMs shows the first ones and "N more" that opens where all are. */
const CAP = 50;
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** An open sidebar group's entries: the first CAP by name (natural order), then "N more". */
export function SidebarEntries<T extends { name: string }>({ items, entry, onMore }: {
  items: readonly T[];
  entry: (item: T) => React.ReactNode;
  onMore: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const first = useMemo(() => [...items].sort((a, b) => byName.compare(a.name, b.name)).slice(0, CAP), [items]);
  return (
    <>
      {first.map(entry)}
      {items.length > CAP && (
        <NavItem component="button" onClick={onMore} className="sidebar-more">{t('sidebar.more', { count: items.length - CAP })}</NavItem>
      )}
    </>
  );
}
