import { Button } from '@patternfly/react-core';
import { Td, Tr } from '@patternfly/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainSummary } from '../../main/api/contract/index.js';
import { DomainStateIcon } from '../components/DomainStateIcon.js';
import { useNavigation } from '../shell/navigation.js';
import { CpuSparkline } from './CpuSparkline.js';
import { DomainActions } from './DomainActions.js';
import { stateKey } from './domain-state.js';

/** One VM in the manager's table: state, name (opens its tab), host, CPU graph and actions. */
export const VmRow = memo(function VmRow({ connection, hostName, domain }: {
  connection: string;
  hostName: string;
  domain: DomainSummary;
}): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const key = stateKey(domain.state);
  return (
    <Tr aria-label={domain.name} data-uuid={domain.uuid} data-state={key} data-connection={connection}>
      <Td />
      <Td dataLabel={t('manager.column.name')}>
        <span className="name-cell">
          <DomainStateIcon state={key} />
          <Button variant="link" isInline translate="no" onClick={() => nav.open({ kind: 'vm', connection, key: domain.key })}>
            {domain.title ? `${domain.name} — ${domain.title}` : domain.name}
          </Button>
        </span>
      </Td>
      <Td dataLabel={t('manager.column.state')}>{t(`state.${key}`)}</Td>
      <Td dataLabel={t('manager.column.host')} translate="no">{hostName}</Td>
      <Td dataLabel={t('manager.column.cpu')}>
        {domain.id >= 0 && <CpuSparkline connection={connection} uuid={domain.uuid} name={domain.name} />}
      </Td>
      <Td isActionCell><DomainActions connection={connection} domain={domain} /></Td>
    </Tr>
  );
});
