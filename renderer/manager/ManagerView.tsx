import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainAction, DomainSummary, PromptRequest } from '../../main/api/contract.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { PromptDialog } from '../components/PromptDialog.js';
import type { ApiClient } from '../state/api-client.js';
import { HostsStore } from '../state/hosts-store.js';
import { AddConnectionDialog } from './AddConnectionDialog.js';
import { CONFIRMED_ACTIONS } from './domain-state.js';
import { HostGroup } from './HostGroup.js';

interface PendingAction {
  readonly hostId: string;
  readonly domain: DomainSummary;
  readonly action: DomainAction;
}

/** The manager window: every connection with its VMs, live. */
export function ManagerView({ client }: { client: ApiClient }): React.JSX.Element {
  const { t } = useTranslation();
  const store = useMemo(() => new HostsStore(), []);
  const hosts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [confirm, setConfirm] = useState<PendingAction | undefined>();
  const [removing, setRemoving] = useState<{ id: string; title: string } | undefined>();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const [adding, setAdding] = useState(false);
  const watched = useRef(new Set<string>());
  const [prompts, setPrompts] = useState<readonly { id: string; request: PromptRequest }[]>([]);

  useEffect(() => {
    const off = client.onEvents((events) => {
      store.apply(events);
      for (const e of events) {
        if (e.type === 'prompt') setPrompts((p) => [...p, { id: e.id, request: e.request }]);
        if (e.type === 'prompt-closed') setPrompts((p) => p.filter((x) => x.id !== e.id));
      }
    });
    client.call('connections.list', {}).then((views) => store.load(views), (e: unknown) => setError(String(e)));
    return off;
  }, [client, store]);

  // Stats for every connected host this window shows; the service samples only watched hosts.
  useEffect(() => {
    for (const h of hosts) {
      const id = h.connection.id;
      const want = h.state.state === 'connected';
      if (want !== watched.current.has(id)) {
        if (want) watched.current.add(id);
        else watched.current.delete(id);
        void client.call('stats.watch', { id, watch: want }).catch(() => undefined);
      }
    }
  }, [client, hosts]);

  const run = useCallback(async ({ hostId, domain, action }: PendingAction) => {
    const key = `${hostId}/${domain.uuid}`;
    setBusy((b) => new Set(b).add(key));
    setError('');
    try {
      await client.call('domains.action', { id: hostId, uuid: domain.uuid, action });
    } catch (e) {
      setError(t('manager.actionFailed', { action: t(`action.${action}`), name: domain.name, message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(key);
        return next;
      });
    }
  }, [client, t]);

  const onAction = useCallback((hostId: string, domain: DomainSummary, action: DomainAction) => {
    if (CONFIRMED_ACTIONS.has(action)) setConfirm({ hostId, domain, action });
    else void run({ hostId, domain, action });
  }, [run]);

  const call = (p: Promise<unknown>): void => {
    p.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div className="manager">
      <div className="toolbar">
        <button onClick={() => setAdding(true)}>{t('manager.addConnection')}</button>
      </div>
      {error && <p className="error-banner" role="alert">{error} <button onClick={() => setError('')}>{t('common.dismiss')}</button></p>}
      {hosts.length === 0 && <p>{t('manager.empty')}</p>}
      {hosts.map((h) => (
        <HostGroup key={h.connection.id} host={h} store={store} busy={busy} onAction={onAction}
          onConnect={(id) => call(client.call('connections.connect', { id }))}
          onDisconnect={(id) => call(client.call('connections.disconnect', { id }))}
          onRemove={(id) => setRemoving({ id, title: h.connection.name || h.connection.uri })} />
      ))}
      {confirm && (
        <ConfirmDialog
          title={t(`confirm.${confirm.action}.title`, { name: confirm.domain.name })}
          message={t(`confirm.${confirm.action}.message`, { name: confirm.domain.name })}
          confirmLabel={t(`action.${confirm.action}`)}
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => {
            const pending = confirm;
            setConfirm(undefined);
            void run(pending);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('confirm.remove.title', { name: removing.title })}
          message={t('confirm.remove.message')}
          confirmLabel={t('connection.remove')}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            const { id } = removing;
            setRemoving(undefined);
            call(client.call('connections.remove', { id }));
          }}
        />
      )}
      {prompts[0] && (
        <PromptDialog key={prompts[0].id} request={prompts[0].request} onAnswer={(answer, remember) => {
          const id = prompts[0]?.id ?? '';
          setPrompts((p) => p.filter((x) => x.id !== id));
          call(client.call('prompts.answer', { id, answer, remember }));
        }} />
      )}
      {adding && (
        <AddConnectionDialog onCancel={() => setAdding(false)} onAdd={async (input) => {
          await client.call('connections.add', input);
          setAdding(false);
        }} />
      )}
    </div>
  );
}
