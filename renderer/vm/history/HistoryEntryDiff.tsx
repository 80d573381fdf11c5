import { Alert, Skeleton } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../main/api/contract/index.js';
import { XmlDiff } from '../../components/xml/XmlDiff.js';
import { useApi } from '../../state/hooks.js';
import { errorText } from './history-labels.js';

/** One entry's definition before and after, as a diff (read when shown). */
export function HistoryEntryDiff({ connection, uuid, id }: { connection: string; uuid: string; id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [entry, setEntry] = useState<HistoryEntry | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    api.call('history.entry', { connection, key: uuid, id }).then(
      (e) => { if (live) setEntry(e); },
      (e: unknown) => { if (live) setError(errorText(e)); },
    );
    return () => {
      live = false;
    };
  }, [api, connection, uuid, id]);
  if (error) return <Alert isInline isPlain variant="danger" title={t('vmhistory.entryFailed', { message: error })} />;
  if (!entry) return <Skeleton height="8rem" screenreaderText={t('vmhistory.loading')} />;
  return <XmlDiff before={entry.before} after={entry.after} label={t('vmhistory.diffLabel')} />;
}
