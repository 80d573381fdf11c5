import {
  Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter, Flex, FlexItem, PageSection, Tab, Tabs, TabTitleText, Title,
} from '@patternfly/react-core';
import CubeIcon from '@patternfly/react-icons/dist/esm/icons/cube-icon';
import { useTranslation } from 'react-i18next';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { DomainActions } from '../manager/DomainActions.js';
import { stateKey } from '../manager/domain-state.js';
import { tabId, VM_PAGES, type VmPage } from '../shell/routes.js';
import { useNavigation } from '../shell/navigation.js';
import { useConnections, useDomain, useJobs } from '../state/hooks.js';
import { ConsolePage } from './console/ConsolePage.js';
import { DetailsPage } from './details/DetailsPage.js';
import { HistoryPage } from './history/HistoryPage.js';
import { SnapshotsPage } from './snapshots/SnapshotsPage.js';
import type { VmPageProps } from './vm-page.js';

function PageBody({ page, ...props }: VmPageProps & { page: VmPage }): React.JSX.Element {
  switch (page) {
    case 'details': return <DetailsPage {...props} />;
    case 'console': return <ConsolePage {...props} />;
    case 'snapshots': return <SnapshotsPage {...props} />;
    case 'history': return <HistoryPage {...props} />;
  }
}

/** A VM's tab: its state and lifecycle actions above, then its sub-pages (the one shown is in the URL). */
export function VmTab({ connection, uuid, page }: { connection: string; uuid: string; page: VmPage }): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const domain = useDomain({ connection, key: uuid });
  // A VM that left this host by a migration Hangar ran: where it went, to follow it there.
  const movedTo = useJobs().findLast((j) => j.kind === 'domain.migrate' && j.connectionId === connection && j.state === 'done'
    && j.result?.kind === 'domain' && j.result.uuid === uuid && j.result.connectionId !== connection)?.result;
  const hosts = useConnections();

  if (!domain) {
    const moved = movedTo?.kind === 'domain' ? movedTo : undefined;
    const host = moved && hosts.find((c) => c.key === moved.connectionId);
    const hostName = host ? host.saved.name || host.saved.uri : moved?.connectionId ?? '';
    const follow = (): void => {
      if (!moved) return;
      nav.open({ kind: 'vm', connection: moved.connectionId, key: moved.uuid, page });
      nav.close(tabId({ kind: 'vm', connection, key: uuid }));
    };
    return (
      <PageSection>
        <EmptyState titleText={t(moved ? 'vm.movedTitle' : 'vm.notFoundTitle', { name: moved?.name ?? '' })} headingLevel="h2" icon={CubeIcon}>
          <EmptyStateBody>{moved ? t('vm.moved', { name: moved.name, host: hostName }) : t('vm.notFound')}</EmptyStateBody>
          {moved && (
            <EmptyStateFooter><EmptyStateActions>
              <Button variant="primary" onClick={follow}>{t('vm.follow', { host: hostName })}</Button>
            </EmptyStateActions></EmptyStateFooter>
          )}
        </EmptyState>
      </PageSection>
    );
  }
  const key = stateKey(domain.state);
  return (
    <PageSection aria-label={domain.name} className="vm-tab">
      <Flex alignItems={{ default: 'alignItemsCenter' }} className="tab-header">
        <FlexItem><DomainStateIcon state={key} /></FlexItem>
        <FlexItem><Title headingLevel="h2" translate="no">{domain.name}</Title></FlexItem>
        <FlexItem className="vm-state" data-state={key}>{t(`state.${key}`)}</FlexItem>
        <FlexItem align={{ default: 'alignRight' }}><DomainActions connection={connection} domain={domain} /></FlexItem>
      </Flex>
      <Tabs isSubtab activeKey={page} aria-label={t('vm.pages')} mountOnEnter unmountOnExit
        onSelect={(_e, k) => {
          const next = VM_PAGES.find((p) => p === k);
          if (next) nav.open({ kind: 'vm', connection, key: uuid, page: next });
        }}>
        {VM_PAGES.map((p) => (
          <Tab key={p} eventKey={p} title={<TabTitleText>{t(`vm.page.${p}`)}</TabTitleText>} data-vm-page={p}>
            <PageBody page={p} connection={connection} uuid={uuid} domain={domain} />
          </Tab>
        ))}
      </Tabs>
    </PageSection>
  );
}
