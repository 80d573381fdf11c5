import { EmptyState, EmptyStateBody, Flex, FlexItem, PageSection, Tab, TabTitleText, Tabs, Title } from '@patternfly/react-core';
import ServerIcon from '@patternfly/react-icons/dist/esm/icons/server-icon';
import { useTranslation } from 'react-i18next';
import { ConnectionStateLabel } from '../manager/ConnectionStateLabel.js';
import { connectionName } from '../manager/connection-state.js';
import { useNavigation } from '../shell/navigation.js';
import { HOST_SECTIONS, type HostSection } from '../shell/routes.js';
import { useConnection } from '../state/hooks.js';
import { DevicesTree } from './DevicesTree.js';
import './host.css';
import { HostOverview } from './HostOverview.js';
import { NetworksTable } from './NetworksTable.js';
import { PoolsTable } from './PoolsTable.js';

/** A host's tab: overview, virtual networks, storage pools with their volumes, host devices. */
export function HostTab({ connection, section }: { connection: string; section: HostSection }): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const view = useConnection(connection);
  if (!view) {
    return (
      <PageSection>
        <EmptyState titleText={t('host.notFoundTitle')} headingLevel="h2" icon={ServerIcon}>
          <EmptyStateBody>{t('host.notFound')}</EmptyStateBody>
        </EmptyState>
      </PageSection>
    );
  }
  const name = connectionName(view);
  return (
    <PageSection aria-label={name}>
      <Flex alignItems={{ default: 'alignItemsCenter' }} className="tab-header">
        <FlexItem><Title headingLevel="h2" translate="no">{name}</Title></FlexItem>
        <FlexItem><ConnectionStateLabel state={view.state} /></FlexItem>
      </Flex>
      <Tabs isSubtab activeKey={section} aria-label={t('host.sections')} mountOnEnter unmountOnExit
        onSelect={(_e, key) => {
          const next = HOST_SECTIONS.find((s) => s === key);
          if (next) nav.open({ kind: 'host', connection, section: next });
        }}>
        <Tab eventKey="overview" title={<TabTitleText>{t('host.overview')}</TabTitleText>}>
          <HostOverview view={view} />
        </Tab>
        <Tab eventKey="networks" title={<TabTitleText>{t('host.networks')}</TabTitleText>}>
          <NetworksTable connection={connection} />
        </Tab>
        <Tab eventKey="storage" title={<TabTitleText>{t('host.storage')}</TabTitleText>}>
          <PoolsTable connection={connection} />
        </Tab>
        <Tab eventKey="devices" title={<TabTitleText>{t('host.devices')}</TabTitleText>}>
          <DevicesTree connection={connection} />
        </Tab>
      </Tabs>
    </PageSection>
  );
}
