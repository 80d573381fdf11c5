import { Button, Dropdown, DropdownItem, DropdownList, MenuToggle, MenuToggleAction, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import PauseIcon from '@patternfly/react-icons/dist/esm/icons/pause-icon';
import PlayIcon from '@patternfly/react-icons/dist/esm/icons/play-icon';
import PowerOffIcon from '@patternfly/react-icons/dist/esm/icons/power-off-icon';
import TagIcon from '@patternfly/react-icons/dist/esm/icons/tag-icon';
import TrashIcon from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabelKey } from './use-vm-actions.js';
import { SHUTDOWN_MENU, pauseOrResume, targetsOf, type ListAction } from './vm-actions.js';
import type { VmItem } from './vm-list-model.js';

/** virt-manager's toolbar over the selection: Run (or Restore), Pause/Resume, Shut Down split, then Tags and Delete. */
export function VmActionsBar({ selected, onAction, onTags }: {
  selected: readonly VmItem[];
  onAction: (action: ListAction) => void;
  onTags: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const can = (a: ListAction): boolean => targetsOf(a, selected).length > 0;
  const toggle = pauseOrResume(selected);
  const shutdownAny = SHUTDOWN_MENU.some(can);
  return (
    <ToolbarGroup variant="action-group" className="vm-actions-bar">
      <ToolbarItem>
        <Button variant="secondary" icon={<PlayIcon />} isDisabled={!can('start')} onClick={() => onAction('start')}>
          {t(actionLabelKey('start', targetsOf('start', selected)))}
        </Button>
      </ToolbarItem>
      <ToolbarItem>
        <Button variant="secondary" icon={<PauseIcon />} isDisabled={!can(toggle)} onClick={() => onAction(toggle)}>{t(`action.${toggle}`)}</Button>
      </ToolbarItem>
      <ToolbarItem>
        <Dropdown isOpen={open} onOpenChange={setOpen}
          toggle={(ref) => (
            <MenuToggle ref={ref} variant="secondary" isDisabled={!shutdownAny} isExpanded={open} onClick={() => setOpen(!open)}
              aria-label={t('vmlist.shutdownMenu')}
              splitButtonItems={[
                <MenuToggleAction key="shutdown" isDisabled={!can('shutdown')} onClick={() => onAction('shutdown')}>
                  <PowerOffIcon /> {t('action.shutdown')}
                </MenuToggleAction>,
              ]} />
          )}>
          <DropdownList>
            {SHUTDOWN_MENU.map((a) => (
              <DropdownItem key={a} isDisabled={!can(a)} isDanger={a === 'forceoff' || a === 'reset'} onClick={() => {
                setOpen(false);
                onAction(a);
              }}>{t(actionLabelKey(a))}</DropdownItem>
            ))}
          </DropdownList>
        </Dropdown>
      </ToolbarItem>
      <ToolbarItem>
        <Button variant="secondary" icon={<TagIcon />} isDisabled={selected.length === 0} onClick={onTags}>{t('vmlist.tags')}</Button>
      </ToolbarItem>
      <ToolbarItem>
        <Button variant="secondary" isDanger icon={<TrashIcon />} isDisabled={selected.length === 0} onClick={() => onAction('delete')}>
          {t('vmlist.action.delete')}
        </Button>
      </ToolbarItem>
    </ToolbarGroup>
  );
}
