import { Divider, Menu, MenuContent, MenuItem, MenuList } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useFloatingMenu } from './use-floating-menu.js';
import { actionLabelKey } from './use-vm-actions.js';
import { SHUTDOWN_MENU, targetsOf, type ListAction } from './vm-actions.js';
import type { VmItem } from './vm-list-model.js';

/** The right-click menu of virt-manager's VM list, for the selection, where the pointer is. */
export function VmContextMenu({ x, y, selected, onAction, onTags, onOpen, onClose }: {
  x: number;
  y: number;
  selected: readonly VmItem[];
  onAction: (action: ListAction) => void;
  onTags: () => void;
  onOpen: () => void;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useFloatingMenu(onClose);
  const can = (a: ListAction): boolean => targetsOf(a, selected).length > 0;
  const act = (a: ListAction) => (): void => {
    onClose();
    onAction(a);
  };
  // Kept inside the window: the menu opens up or left near the edges.
  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - 400);
  const shutdownMenu = (
    <Menu id="vm-context-shutdown" containsFlyout>
      <MenuContent>
        <MenuList>
          {SHUTDOWN_MENU.map((a) => (
            <MenuItem key={a} isDisabled={!can(a)} isDanger={a === 'forceoff' || a === 'reset'} onClick={act(a)}>{t(actionLabelKey(a))}</MenuItem>
          ))}
        </MenuList>
      </MenuContent>
    </Menu>
  );
  return (
    <div ref={ref} className="vm-context-menu" style={{ left: Math.max(0, left), top: Math.max(0, top) }}>
      <Menu aria-label={t('vmlist.contextMenu')} containsFlyout onSelect={() => undefined}>
        <MenuContent>
          <MenuList>
            <MenuItem isDisabled={!can('start')} onClick={act('start')}>{t(actionLabelKey('start', targetsOf('start', selected)))}</MenuItem>
            <MenuItem isDisabled={!can('pause')} onClick={act('pause')}>{t('action.pause')}</MenuItem>
            <MenuItem isDisabled={!can('resume')} onClick={act('resume')}>{t('action.resume')}</MenuItem>
            <MenuItem flyoutMenu={shutdownMenu} itemId="shutdown-menu">{t('action.shutdown')}</MenuItem>
            <Divider component="li" />
            <MenuItem isDisabled={selected.length !== 1} onClick={act('clone')}>{t('lifecycle.clone.action')}</MenuItem>
            <MenuItem isDisabled={selected.length !== 1} onClick={act('migrate')}>{t('lifecycle.migrate.action')}</MenuItem>
            <MenuItem onClick={() => {
              onClose();
              onTags();
            }}>{t('vmlist.tagsEllipsis')}</MenuItem>
            <MenuItem isDanger onClick={act('delete')}>{t('vmlist.action.delete')}</MenuItem>
            <Divider component="li" />
            <MenuItem isDisabled={selected.length !== 1} onClick={() => {
              onClose();
              onOpen();
            }}>{t('vmlist.open')}</MenuItem>
          </MenuList>
        </MenuContent>
      </Menu>
    </div>
  );
}
