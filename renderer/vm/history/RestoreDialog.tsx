import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader, Skeleton, Stack, StackItem } from '@patternfly/react-core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntrySummary } from '../../../main/api/contract/index.js';
import { XmlDiff } from '../../components/xml/XmlDiff.js';
import { useApi } from '../../state/hooks.js';
import { errorText, whenText } from './history-labels.js';

interface Comparison {
  /** The inactive definition now: the restore's base. */
  readonly current: string;
  /** The definition before the entry: what the restore defines. */
  readonly restored: string;
}

/**
 * Asks before a restore, showing what it changes: the definition now against the one before the entry. The
 * restore is sent with the definition shown as its base, so a change made meanwhile makes it fail, not vanish.
 */
export function RestoreDialog({ connection, uuid, entry, running, onClose, onRestored }: {
  connection: string;
  uuid: string;
  entry: HistoryEntrySummary;
  running: boolean;
  onClose: () => void;
  onRestored: (message: string) => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [comparison, setComparison] = useState<Comparison | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const compare = useCallback(async (): Promise<void> => {
    const [current, restored] = await Promise.all([
      api.call('domains.xml', { connection, key: uuid, inactive: true }),
      api.call('history.entry', { connection, key: uuid, id: entry.id }),
    ]);
    setComparison({ current: current.xml, restored: restored.before });
  }, [api, connection, uuid, entry.id]);

  useEffect(() => {
    compare().catch((e: unknown) => setError(errorText(e)));
  }, [compare]);

  const restore = async (): Promise<void> => {
    if (!comparison) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.call('history.restore', { connection, key: uuid, id: entry.id, base: comparison.current });
      onRestored(t('vmhistory.restored', { when: whenText(entry.at, i18n.language) }));
    } catch (e) {
      setError(errorText(e));
      // The definition may have changed meanwhile: show what a restore would do now.
      await compare().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const same = comparison !== undefined && comparison.current === comparison.restored;
  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="restore-title" aria-describedby="restore-intro" className="history-restore">
      <ModalHeader title={t('vmhistory.restoreTitle')} labelId="restore-title" />
      <ModalBody>
        <Stack hasGutter>
          <StackItem id="restore-intro">{t('vmhistory.restoreIntro')}</StackItem>
          {running && <StackItem><Alert isInline variant="info" title={t('vmhistory.restoreRunning')} /></StackItem>}
          {error && <StackItem><Alert isInline variant="danger" title={t('vmhistory.restoreFailed', { message: error })} /></StackItem>}
          {same && <StackItem><Alert isInline variant="info" title={t('vmhistory.restoreSame')} /></StackItem>}
          <StackItem>
            {comparison
              ? <XmlDiff before={comparison.current} after={comparison.restored} label={t('vmhistory.restoreDiffLabel')} />
              : !error && <Skeleton height="12rem" screenreaderText={t('vmhistory.comparing')} />}
          </StackItem>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={() => void restore()} isDisabled={!comparison || same || busy} isLoading={busy}>
          {t('vmhistory.restoreConfirm')}
        </Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
