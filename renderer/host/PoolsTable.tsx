import { Label, Progress, ProgressMeasureLocation } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../components/format.js';
import { usePools } from '../state/hooks.js';
import { EmptyRow } from './EmptyRow.js';

const byName = new Intl.Collator(undefined, { numeric: true });

/** A host's storage pools with their usage; expanded, a pool lists its volumes. */
export function PoolsTable({ connection }: { connection: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const pools = [...usePools(connection)].sort((a, b) => byName.compare(a.name, b.name));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const bytes = (n: number): string => formatBytes(n, i18n.language);
  const toggle = (key: string): void => {
    const next = new Set(expanded);
    if (!next.delete(key)) next.add(key);
    setExpanded(next);
  };
  return (
    <Table aria-label={t('host.storage')} variant="compact" className="host-section">
      <Thead>
        <Tr>
          <Th screenReaderText={t('manager.column.expand')} />
          <Th width={25}>{t('host.column.name')}</Th>
          <Th modifier="wrap">{t('host.column.state')}</Th>
          <Th width={30}>{t('host.column.usage')}</Th>
          <Th modifier="wrap">{t('host.column.capacity')}</Th>
          <Th modifier="wrap">{t('host.column.autostart')}</Th>
        </Tr>
      </Thead>
      {pools.length === 0 && <Tbody><EmptyRow colSpan={6} text={t('host.noPools')} /></Tbody>}
      {pools.map((p, rowIndex) => {
        const isOpen = expanded.has(p.key);
        const used = p.capacity > 0 ? Math.round((p.allocation / p.capacity) * 100) : 0;
        return (
          <Tbody key={p.key} isExpanded={isOpen} aria-label={p.name}>
            <Tr>
              <Td expand={{ rowIndex, isExpanded: isOpen, onToggle: () => toggle(p.key), expandId: `pool-${p.key}` }} />
              <Td dataLabel={t('host.column.name')} translate="no">{p.name}</Td>
              <Td dataLabel={t('host.column.state')}>
                <Label isCompact {...(p.active ? { status: 'success' as const } : {})}>{p.active ? t('host.active') : t('host.inactive')}</Label>
              </Td>
              <Td dataLabel={t('host.column.usage')}>
                {p.active && (
                  <Progress value={used} size="sm" measureLocation={ProgressMeasureLocation.outside}
                    aria-label={t('host.usageOf', { name: p.name })} />
                )}
              </Td>
              <Td dataLabel={t('host.column.capacity')}>{p.active ? t('host.usedOf', { used: bytes(p.allocation), total: bytes(p.capacity) }) : ''}</Td>
              <Td dataLabel={t('host.column.autostart')}>{p.autostart ? t('common.yes') : t('common.no')}</Td>
            </Tr>
            <Tr isExpanded={isOpen}>
              <Td />
              <Td colSpan={5}>
                <ExpandableRowContent>
                  <Table aria-label={t('host.volumesOf', { name: p.name })} variant="compact" borders={false}>
                    <Thead>
                      <Tr>
                        <Th modifier="wrap">{t('host.column.volume')}</Th>
                        <Th modifier="wrap">{t('host.column.path')}</Th>
                        <Th modifier="wrap">{t('host.column.capacity')}</Th>
                        <Th modifier="wrap">{t('host.column.allocation')}</Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {p.volumes.length === 0 && <EmptyRow colSpan={4} text={p.active ? t('host.noVolumes') : t('host.poolInactive')} />}
                      {p.volumes.map((v) => (
                        <Tr key={v.key}>
                          <Td dataLabel={t('host.column.volume')} translate="no">{v.name}</Td>
                          <Td dataLabel={t('host.column.path')} translate="no" className="path-cell">{v.path}</Td>
                          <Td dataLabel={t('host.column.capacity')}>{bytes(v.capacity)}</Td>
                          <Td dataLabel={t('host.column.allocation')}>{bytes(v.allocation)}</Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </ExpandableRowContent>
              </Td>
            </Tr>
          </Tbody>
        );
      })}
    </Table>
  );
}
