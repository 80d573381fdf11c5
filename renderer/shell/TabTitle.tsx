import { TabTitleIcon, TabTitleText } from '@patternfly/react-core';
import ServerIcon from '@patternfly/react-icons/dist/esm/icons/server-icon';
import { useTranslation } from 'react-i18next';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { connectionName } from '../manager/connection-state.js';
import { stateKey } from '../manager/domain-state.js';
import { useConnection, useDomain } from '../state/hooks.js';
import type { TabRoute } from './routes.js';

function VmTitle({ connection, uuid }: { connection: string; uuid: string }): React.JSX.Element {
  const domain = useDomain({ connection, key: uuid });
  return (
    <>
      <TabTitleIcon><DomainStateIcon state={domain ? stateKey(domain.state) : 'unknown'} /></TabTitleIcon>
      <TabTitleText translate="no">{domain?.name ?? uuid.slice(0, 8)}</TabTitleText>
    </>
  );
}

function HostTitle({ connection }: { connection: string }): React.JSX.Element {
  const view = useConnection(connection);
  return (
    <>
      <TabTitleIcon><ServerIcon /></TabTitleIcon>
      <TabTitleText translate="no">{connectionName(view, connection)}</TabTitleText>
    </>
  );
}

/** A tab's title: the VM's or host's name, live. */
export function TabTitle({ route }: { route: TabRoute }): React.JSX.Element {
  const { t } = useTranslation();
  switch (route.kind) {
    case 'manager': return <TabTitleText>{t('tabs.manager')}</TabTitleText>;
    case 'vm': return <VmTitle connection={route.connection} uuid={route.key} />;
    case 'host': return <HostTitle connection={route.connection} />;
  }
}
