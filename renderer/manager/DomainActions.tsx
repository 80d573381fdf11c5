import { Button, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainAction, DomainSummary } from '../../main/api/contract/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useActionConfirmation } from '../prefs/use-preferences.js';
import { useApi, useNotifications } from '../state/hooks.js';
import { actionsFor } from './domain-state.js';

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
  const actions = actionsFor(domain.state);
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
        <Button variant="secondary" size="sm" isDisabled={busy} onClick={() => ask(first)}>{t(`action.${first}`)}</Button>
      )}
      <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: 'right' }}
        toggle={(ref) => (
          <MenuToggle ref={ref} variant="plain" isDisabled={busy || actions.length === 0} isExpanded={open} onClick={() => setOpen(!open)}
            aria-label={t('manager.moreActions', { name: domain.name })} icon={<EllipsisVIcon />} />
        )}>
        <DropdownList>
          {actions.map((a) => (
            <DropdownItem key={a} onClick={() => ask(a)} isDanger={a === 'forceoff' || a === 'reset'}>{t(`action.${a}`)}</DropdownItem>
          ))}
        </DropdownList>
      </Dropdown>
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
