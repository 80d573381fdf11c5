import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { CloneDialog } from '../lifecycle/CloneDialog.js';
import { DeleteVmDialog, type DeleteTarget } from '../lifecycle/DeleteVmDialog.js';
import { MigrateDialog } from '../lifecycle/MigrateDialog.js';
import { useActionConfirmation } from '../prefs/use-preferences.js';
import { useApi, useNotifications } from '../state/hooks.js';
import { needsConfirmation, runAll, targetsOf, type ListAction } from './vm-actions.js';
import type { VmItem } from './vm-list-model.js';

/** The words for an action's button (Run reads Restore for a VM with a saved state). */
export function actionLabelKey(action: ListAction, items: readonly VmItem[] = []): string {
  if (action === 'start' && items.length > 0 && items.every((i) => i.domain.managedSave)) return 'vmlist.restore';
  if (action === 'save' || action === 'delete') return `vmlist.action.${action}`;
  if (action === 'clone' || action === 'migrate') return `lifecycle.${action}.action`;
  return `action.${action}`;
}

const NAMES_SHOWN = 5;

/**
 * Actions on a selection of VMs: one confirmation naming how many (when asked for), then each VM in turn; a
 * failure is a notification per VM with the host's message as it is.
 */
export function useVmActions(): { request: (action: ListAction, items: readonly VmItem[]) => void; dialog: React.JSX.Element | null } {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const [asking, setAsking] = useState<{ action: ListAction; targets: VmItem[] } | undefined>();
  // Delete has a dialog of its own (the storage to delete with the VMs), not a confirmation.
  const [deleting, setDeleting] = useState<readonly DeleteTarget[] | undefined>();
  const [single, setSingle] = useState<{ kind: 'clone' | 'migrate'; item: VmItem } | undefined>();
  const asks = useActionConfirmation();

  const work = (action: ListAction, item: VmItem): Promise<unknown> => {
    const ref = { connection: item.connection, key: item.domain.key };
    if (action === 'save') return api.call('jobs.managedSave', ref);
    // Delete, Clone and Migrate never get here: each has its dialog, which does the work.
    if (action === 'delete' || action === 'clone' || action === 'migrate') return Promise.resolve(null);
    return api.call('domains.action', { ...ref, action });
  };

  const run = async (action: ListAction, targets: readonly VmItem[]): Promise<void> => {
    const label = t(actionLabelKey(action, targets));
    const failed = await runAll(targets, (item) => work(action, item));
    for (const { item, message } of failed) {
      notifications.push({ variant: 'danger', title: t('manager.actionFailed', { action: label, name: item.domain.name }), detail: message });
    }
  };

  const request = (action: ListAction, items: readonly VmItem[]): void => {
    const targets = targetsOf(action, items);
    if (targets.length === 0) return;
    if (action === 'clone' || action === 'migrate') {
      const [only] = targets;
      if (targets.length === 1 && only) setSingle({ kind: action, item: only });
      return;
    }
    if (action === 'delete') {
      setDeleting(targets.map((i) => ({ connection: i.connection, domain: i.domain })));
      return;
    }
    if (needsConfirmation(action, targets.length, asks)) setAsking({ action, targets });
    else void run(action, targets);
  };

  let dialog: React.JSX.Element | null = null;
  if (single) {
    const close = (): void => setSingle(undefined);
    dialog = single.kind === 'clone'
      ? <CloneDialog connection={single.item.connection} domain={single.item.domain} onClose={close} />
      : <MigrateDialog connection={single.item.connection} domain={single.item.domain} onClose={close} />;
  } else if (deleting) {
    dialog = <DeleteVmDialog targets={deleting} onClose={() => setDeleting(undefined)} />;
  } else if (asking) {
    const { action, targets } = asking;
    const [only] = targets;
    const one = targets.length === 1 && only !== undefined;
    const names = targets.slice(0, NAMES_SHOWN).map((i) => `“${i.domain.name}”`).join(t('vmlist.listSeparator'));
    const more = targets.length > NAMES_SHOWN ? t('vmlist.andMore', { count: targets.length - NAMES_SHOWN }) : '';
    const title = one
      ? (action === 'delete' ? t('vmlist.confirm.deleteOne', { name: only.domain.name }) : t(`confirm.${action}.title`, { name: only.domain.name }))
      : t(`vmlist.confirm.${action}`, { count: targets.length });
    const detail = action === 'delete'
      ? t(one ? 'vmlist.confirm.deleteMessageOne' : 'vmlist.confirm.deleteMessage')
      : one ? t(`confirm.${action}.message`, { name: only.domain.name }) : t(`vmlist.confirm.${action}Message`);
    dialog = (
      <ConfirmDialog title={title} message={one ? detail : `${names}${more}. ${detail}`}
        confirmLabel={t(actionLabelKey(action, targets))}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          setAsking(undefined);
          void run(action, targets);
        }} />
    );
  }
  return { request, dialog };
}
