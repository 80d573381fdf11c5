import { Card, CardBody, CardHeader, CardTitle, EmptyState, EmptyStateBody, Gallery, Spinner } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIR_DOMAIN_PAUSED, VIR_DOMAIN_RUNNING } from '../../drivers/api/index.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { stateKey } from './domain-state.js';
import { useThumbnail } from './use-thumbnail.js';
import type { VmItem } from './vm-list-model.js';

/** Whether an element is in the window (or within a row of it), watched with an IntersectionObserver. */
function useVisible(el: React.RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? false), { rootMargin: '0px' });
    observer.observe(node);
    return () => observer.disconnect();
  }, [el]);
  return visible;
}

function VmCard({ item, onOpen }: { item: VmItem; onOpen: (item: VmItem) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const shot = useThumbnail(item.connection, item.domain.key, visible);
  const name = item.domain.title ?? item.domain.name;
  const state = stateKey(item.domain.state);
  return (
    <Card ref={ref} isCompact isClickable className="vm-grid-card" data-vm={item.domain.name} data-visible={visible ? 'yes' : 'no'}>
      <CardHeader selectableActions={{ onClickAction: () => onOpen(item), selectableActionAriaLabel: t('vmlist.grid.open', { name }) }}>
        <CardTitle>
          <DomainStateIcon state={state} /> <span translate="no">{name}</span>
          <span className="vm-grid-host"> · {item.hostName}</span>
        </CardTitle>
      </CardHeader>
      <CardBody className="vm-grid-screen">
        {shot.url
          ? <img src={shot.url} alt={t('vmlist.grid.screen', { name })} />
          : shot.error
            ? <span className="vm-grid-error">{shot.error}</span>
            : <Spinner size="lg" aria-label={t('common.loading')} />}
      </CardBody>
    </Card>
  );
}

/**
 * The running (and paused) VMs of the list as cards with a thumbnail of their screen, refreshed every few seconds
 * for the cards in view only; a card opens the VM's console.
 */
export function VmGrid({ items, onOpen }: { items: readonly VmItem[]; onOpen: (item: VmItem) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const live = items.filter((i) => i.domain.state === VIR_DOMAIN_RUNNING || i.domain.state === VIR_DOMAIN_PAUSED);
  if (live.length === 0) {
    return (
      <EmptyState titleText={t('vmlist.grid.emptyTitle')} headingLevel="h3">
        <EmptyStateBody>{t('vmlist.grid.empty')}</EmptyStateBody>
      </EmptyState>
    );
  }
  return (
    <div className="vm-grid" role="region" aria-label={t('vmlist.grid.label')}>
      <Gallery hasGutter minWidths={{ default: '16rem' }}>
        {live.map((item) => <VmCard key={item.id} item={item} onOpen={onOpen} />)}
      </Gallery>
    </div>
  );
}
