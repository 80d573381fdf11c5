import { Alert, AlertActionCloseButton, Button, Content, EmptyState, EmptyStateBody, Skeleton, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import HistoryIcon from '@patternfly/react-icons/dist/esm/icons/history-icon';
import SyncAltIcon from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntrySummary } from '../../../main/api/contract/index.js';
import { stateKey } from '../../manager/domain-state.js';
import type { VmPageProps } from '../vm-page.js';
import { HistoryEntryDiff } from './HistoryEntryDiff.js';
import { changedText, changeText, whenText } from './history-labels.js';
import { RestoreDialog } from './RestoreDialog.js';
import { useHistory } from './use-history.js';
import './history.css';

/**
 * The VM's edit history: each change made through Hangar (when, what kind, which elements), its diff on demand, and
 * a restore of the definition as it was before any of them, after showing what that restore changes.
 */
export function HistoryPage({ connection, uuid, domain }: VmPageProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  // A change of the VM (its summary is replaced on every event about it) may be a new entry: read the list again.
  const { entries, error, reload } = useHistory(connection, uuid, domain);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [restoring, setRestoring] = useState<HistoryEntrySummary | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const running = stateKey(domain.state) !== 'shutoff' && domain.id >= 0;
  const toggle = (id: string): void => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };

  return (
    <div className="history-page">
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem><Content component="p" className="history-intro">{t('vmhistory.intro')}</Content></ToolbarItem>
          <ToolbarItem align={{ default: 'alignEnd' }}>
            <Button variant="secondary" icon={<SyncAltIcon />} onClick={reload}>{t('vmhistory.refresh')}</Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {done && (
        <Alert isInline variant="success" title={done} actionClose={<AlertActionCloseButton onClose={() => setDone(undefined)} />} className="history-alert" />
      )}
      {error && <Alert isInline variant="danger" title={t('vmhistory.loadFailed', { message: error })} className="history-alert" />}
      {entries === undefined && !error && <Skeleton height="6rem" screenreaderText={t('vmhistory.loading')} />}
      {entries?.length === 0 && (
        <EmptyState titleText={t('vmhistory.emptyTitle')} headingLevel="h3" icon={HistoryIcon}>
          <EmptyStateBody>{t('vmhistory.empty')}</EmptyStateBody>
        </EmptyState>
      )}
      {entries !== undefined && entries.length > 0 && (
        <Table variant="compact" aria-label={t('vmhistory.tableLabel')} className="history-table">
          <Thead>
            <Tr>
              <Th screenReaderText={t('vmhistory.showDiff')} />
              <Th width={20}>{t('vmhistory.column.when')}</Th>
              <Th width={25}>{t('vmhistory.column.change')}</Th>
              <Th>{t('vmhistory.column.changed')}</Th>
              <Th screenReaderText={t('vmhistory.restore')} />
            </Tr>
          </Thead>
          {entries.map((entry, rowIndex) => {
            const isExpanded = open.has(entry.id);
            const paths = changedText(entry);
            return (
              <Tbody key={entry.id} isExpanded={isExpanded} data-entry={entry.id}>
                <Tr>
                  <Td expand={{ rowIndex, isExpanded, onToggle: () => toggle(entry.id), expandId: `history-${entry.id}` }} />
                  <Td dataLabel={t('vmhistory.column.when')}>{whenText(entry.at, i18n.language)}</Td>
                  <Td dataLabel={t('vmhistory.column.change')}>{changeText(t, entry, entries, i18n.language)}</Td>
                  <Td dataLabel={t('vmhistory.column.changed')}>
                    <span className="history-paths" translate="no">
                      {paths.map((p) => <span key={p} className="history-path">{p}</span>)}
                    </span>
                    {entry.more && <span className="history-more"> {t('vmhistory.more')}</span>}
                  </Td>
                  <Td isActionCell>
                    <Button variant="secondary" size="sm" aria-label={t('vmhistory.restore')} onClick={() => setRestoring(entry)}>
                      {t('vmhistory.restoreShort')}
                    </Button>
                  </Td>
                </Tr>
                <Tr isExpanded={isExpanded}>
                  <Td colSpan={5}>
                    {isExpanded && (
                      <ExpandableRowContent>
                        <HistoryEntryDiff connection={connection} uuid={uuid} id={entry.id} />
                        <Button variant="link" isInline className="history-restore-link" onClick={() => setRestoring(entry)}>
                          {t('vmhistory.restore')}
                        </Button>
                      </ExpandableRowContent>
                    )}
                  </Td>
                </Tr>
              </Tbody>
            );
          })}
        </Table>
      )}
      {restoring && (
        <RestoreDialog connection={connection} uuid={uuid} entry={restoring} running={running}
          onClose={() => setRestoring(undefined)}
          onRestored={(message) => {
            setRestoring(undefined);
            setDone(message);
            reload();
          }} />
      )}
    </div>
  );
}
