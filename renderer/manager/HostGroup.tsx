import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainAction, DomainSummary } from '../../main/api/contract.js';
import type { HostEntry, HostsStore } from '../state/hosts-store.js';
import { DomainList } from './DomainList.js';

/** A connection as a group: its name and state with connect/disconnect, then its VMs. */
export function HostGroup({ host, store, busy, onAction, onConnect, onDisconnect, onRemove }: {
  host: HostEntry;
  store: HostsStore;
  busy: ReadonlySet<string>;
  onAction: (hostId: string, domain: DomainSummary, action: DomainAction) => void;
  onConnect: (hostId: string) => void;
  onDisconnect: (hostId: string) => void;
  onRemove: (hostId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { connection, state } = host;
  const title = connection.name || connection.uri;
  const domains = useMemo(() => [...host.domains.values()].sort((a, b) => a.name.localeCompare(b.name)), [host.domains]);
  return (
    <section className="host-group" aria-label={title} data-connection-state={state.state}>
      <header className="host-header">
        <h2>{title}</h2>
        {state.state === 'connected' && <span className="vm-count">{t('manager.vmCount', { count: domains.length })}</span>}
        <span className="host-state" role="status">
          {state.state === 'error' ? state.message : t(`connection.${state.state}`)}
          {state.state === 'error' && state.retryInMs !== undefined && ` ${t('connection.retrying')}`}
        </span>
        {state.state === 'connected' || state.state === 'connecting'
          ? <button onClick={() => onDisconnect(connection.id)}>{t('connection.disconnect')}</button>
          : <button onClick={() => onConnect(connection.id)}>{t('connection.connect')}</button>}
        <button onClick={() => onRemove(connection.id)}>{t('connection.remove')}</button>
      </header>
      {state.state === 'connected' && domains.length === 0 && <p className="empty">{t('manager.noVms')}</p>}
      {domains.length > 0 && (
        <DomainList hostId={connection.id} domains={domains} store={store} busy={busy}
          onAction={(domain, action) => onAction(connection.id, domain, action)} />
      )}
    </section>
  );
}
