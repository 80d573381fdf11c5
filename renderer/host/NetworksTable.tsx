import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { useNetworks } from '../state/hooks.js';
import { EmptyRow } from './EmptyRow.js';

const byName = new Intl.Collator(undefined, { numeric: true });

/** A host's virtual networks with their state, autostart and bridge. */
export function NetworksTable({ connection }: { connection: string }): React.JSX.Element {
  const { t } = useTranslation();
  const networks = [...useNetworks(connection)].sort((a, b) => byName.compare(a.name, b.name));
  return (
    <Table aria-label={t('host.networks')} variant="compact" className="host-section">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('host.column.name')}</Th>
          <Th modifier="wrap">{t('host.column.state')}</Th>
          <Th modifier="wrap">{t('host.column.autostart')}</Th>
          <Th modifier="wrap">{t('host.column.persistent')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {networks.length === 0 && <EmptyRow colSpan={4} text={t('host.noNetworks')} />}
        {networks.map((n) => (
          <Tr key={n.key} aria-label={n.name}>
            <Td dataLabel={t('host.column.name')} translate="no">{n.name}</Td>
            <Td dataLabel={t('host.column.state')}>
              <Label isCompact {...(n.active ? { status: 'success' as const } : {})}>{n.active ? t('host.active') : t('host.inactive')}</Label>
            </Td>
            <Td dataLabel={t('host.column.autostart')}>{n.autostart ? t('common.yes') : t('common.no')}</Td>
            <Td dataLabel={t('host.column.persistent')}>{n.persistent ? t('common.yes') : t('common.no')}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
