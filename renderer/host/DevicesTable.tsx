import { Button, Label, LabelGroup } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeDevices } from '../state/hooks.js';
import { EmptyRow } from './EmptyRow.js';

const PAGE = 200;
const byName = new Intl.Collator(undefined, { numeric: true });

/** A host's node devices (PCI, USB, network, storage…) with their parent and capabilities. */
export function DevicesTable({ connection }: { connection: string }): React.JSX.Element {
  const { t } = useTranslation();
  const devices = [...useNodeDevices(connection)].sort((a, b) => byName.compare(a.name, b.name));
  const [shown, setShown] = useState(PAGE);
  return (
    <Table aria-label={t('host.devices')} variant="compact" className="host-section">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('host.column.device')}</Th>
          <Th modifier="wrap">{t('host.column.parent')}</Th>
          <Th modifier="wrap">{t('host.column.capabilities')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {devices.length === 0 && <EmptyRow colSpan={3} text={t('host.noDevices')} />}
        {devices.slice(0, shown).map((d) => (
          <Tr key={d.key} aria-label={d.name}>
            <Td dataLabel={t('host.column.device')} translate="no">{d.name}</Td>
            <Td dataLabel={t('host.column.parent')} translate="no">{d.parent ?? ''}</Td>
            <Td dataLabel={t('host.column.capabilities')}>
              <LabelGroup numLabels={4} expandedText={t('common.showLess')} collapsedText={t('common.showMoreCount', { remaining: '${remaining}' })}>
                {d.caps.map((c) => <Label key={c} isCompact variant="outline" translate="no">{c}</Label>)}
              </LabelGroup>
            </Td>
          </Tr>
        ))}
        {devices.length > shown && (
          <Tr>
            <Td colSpan={3}>
              <Button variant="link" isInline onClick={() => setShown(shown + PAGE)}>{t('manager.showMore', { shown, count: devices.length })}</Button>
            </Td>
          </Tr>
        )}
      </Tbody>
    </Table>
  );
}
