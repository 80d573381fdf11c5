import { Button, Divider, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainAction, DomainSummary } from '../../main/api/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { CloneDialog } from '../lifecycle/CloneDialog.js';
import { DeleteVmDialog } from '../lifecycle/DeleteVmDialog.js';
import { MigrateDialog } from '../lifecycle/MigrateDialog.js';
import { SaveStateDialog } from '../lifecycle/SaveStateDialog.js';
import { useActionConfirmation } from '../prefs/use-preferences.js';
import { useApi, useNotifications } from '../state/hooks.js';
import { actionsFor, stateKey } from './domain-state.js';

type Extra = 'save' | 'discard' | 'clone' | 'migrate' | 'delete';

/**
 * A VM's lifecycle actions for its state: the first as a button, all of them in a menu. Those the confirmation
 * preferences name are confirmed; a failure goes to the notifications with libvirt's message as it is.
 */
export function DomainActions({ connection, domain }: { connection: string; domain: DomainSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<DomainAction | undefined>();
  const [busy, setBusy] = useState(false);
  const [extra, setExtra] = useState<Extra | undefined>();
  const actions = actionsFor(domain.state);
  const key = stateKey(domain.state);
  const canSave = domain.persistent && (key === 'running' || key === 'idle' || key === 'paused');
  const targets = [{ connection, domain }];
  /** Run reads Restore when the VM has a saved state (virt-manager's label). */
  const label = (a: DomainAction): string => (a === 'start' && domain.managedSave ? t('vmlist.restore') : t(`action.${a}`));
  const asks = useActionConfirmation();

  const run = async (action: DomainAction): Promise<void> => {
    setBusy(true);
    try {
      await api.call('domains.action', { connection, key: domain.key, action });
    } catch (e) {
      notifications.push({
        variant: 'danger',
        title: t('manager.actionFailed', { action: t(`action.${action}`), name: domain.name }),
        detail: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setBusy(false);
    }
  };
  const ask = (action: DomainAction): void => {
    setOpen(false);
    if (asks(action)) setConfirming(action);
    else void run(action);
  };
  const [first] = actions;

  return (
    <div className="domain-actions">
      {first && (
        <Button variant="secondary" size="sm" isDisabled={busy} onClick={() => ask(first)}>{label(first)}</Button>
      )}
      <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: 'right' }}
        toggle={(ref) => (
          <MenuToggle ref={ref} variant="plain" isDisabled={busy} isExpanded={open} onClick={() => setOpen(!open)}
            aria-label={t('manager.moreActions', { name: domain.name })} icon={<EllipsisVIcon />} />
        )}>
        <DropdownList>
          {actions.map((a) => (
            <DropdownItem key={a} onClick={() => ask(a)} isDanger={a === 'forceoff' || a === 'reset'}>{label(a)}</DropdownItem>
          ))}
          {actions.length > 0 && <Divider component="li" />}
          {canSave && <DropdownItem key="save" onClick={() => { setOpen(false); setExtra('save'); }}>{t('lifecycle.save.action')}</DropdownItem>}
          {domain.managedSave && <DropdownItem key="discard" onClick={() => { setOpen(false); setExtra('discard'); }}>{t('lifecycle.save.discard')}</DropdownItem>}
          <DropdownItem key="clone" onClick={() => { setOpen(false); setExtra('clone'); }}>{t('lifecycle.clone.action')}</DropdownItem>
          <DropdownItem key="migrate" onClick={() => { setOpen(false); setExtra('migrate'); }}>{t('lifecycle.migrate.action')}</DropdownItem>
          <DropdownItem key="delete" isDanger onClick={() => { setOpen(false); setExtra('delete'); }}>{t('lifecycle.delete.action')}</DropdownItem>
        </DropdownList>
      </Dropdown>
      {extra === 'delete' && <DeleteVmDialog targets={targets} onClose={() => setExtra(undefined)} />}
      {extra === 'migrate' && <MigrateDialog connection={connection} domain={domain} onClose={() => setExtra(undefined)} />}
      {extra === 'clone' && <CloneDialog connection={connection} domain={domain} onClose={() => setExtra(undefined)} />}
      {(extra === 'save' || extra === 'discard') && (
        <SaveStateDialog connection={connection} domain={domain} mode={extra} onClose={() => setExtra(undefined)} />
      )}
      {confirming && (
        <ConfirmDialog
          title={t(`confirm.${confirming}.title`, { name: domain.name })}
          message={t(`confirm.${confirming}.message`, { name: domain.name })}
          confirmLabel={t(`action.${confirming}`)}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            const action = confirming;
            setConfirming(undefined);
            void run(action);
          }}
        />
      )}
    </div>
  );
}
