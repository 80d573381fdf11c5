import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntrySummary } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';
import { errorText } from './history-labels.js';

export interface HistoryState {
  readonly entries: readonly HistoryEntrySummary[] | undefined;
  readonly error: string | undefined;
  reload(): void;
}

/** The VM's history entries, read again whenever `revision` changes (the VM changed) or on reload(). */
export function useHistory(connection: string, uuid: string, revision: unknown): HistoryState {
  const api = useApi();
  const [entries, setEntries] = useState<readonly HistoryEntrySummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    api.call('history.list', { connection, key: uuid }).then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setError(undefined);
      },
      (e: unknown) => {
        if (live) setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, connection, uuid, revision, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { entries, error, reload };
}
