import { EmptyState, EmptyStateBody, Flex, FlexItem, PageSection, Tab, Tabs, TabTitleText, Title } from '@patternfly/react-core';
import CubeIcon from '@patternfly/react-icons/dist/esm/icons/cube-icon';
import { useTranslation } from 'react-i18next';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { DomainActions } from '../manager/DomainActions.js';
import { stateKey } from '../manager/domain-state.js';
import { VM_PAGES, type VmPage } from '../shell/routes.js';
import { useNavigation } from '../shell/navigation.js';
import { useDomain } from '../state/hooks.js';
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

  if (!domain) {
    return (
      <PageSection>
        <EmptyState titleText={t('vm.notFoundTitle')} headingLevel="h2" icon={CubeIcon}>
          <EmptyStateBody>{t('vm.notFound')}</EmptyStateBody>
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
