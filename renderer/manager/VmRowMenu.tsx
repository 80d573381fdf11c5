import { Divider, Menu, MenuContent, MenuItem, MenuList } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useFloatingMenu } from './use-floating-menu.js';
import { actionLabelKey } from './use-vm-actions.js';
import { appliesTo, type ListAction } from './vm-actions.js';
import type { VmItem } from './vm-list-model.js';

const ROW_ACTIONS: readonly ListAction[] = ['start', 'pause', 'resume', 'shutdown', 'reboot', 'reset', 'forceoff', 'save'];
const MENU_WIDTH = 240;
const MENU_HEIGHT = 420;

/**
 * One row's actions menu (its kebab), one for the whole list: a row carries only a plain button, so that scrolling
 * thousands of VMs mounts no popper per row.
 */
export function VmRowMenu({ item, anchor, onAction, onTags, onOpen, onClose }: {
  item: VmItem;
  /** The kebab's box, where the menu opens (below it, right-aligned; above it near the window's bottom). */
  anchor: DOMRect;
  onAction: (action: ListAction, item: VmItem) => void;
  onTags: (item: VmItem) => void;
  onOpen: (item: VmItem) => void;
  onClose: (refocus: boolean) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useFloatingMenu(onClose);
  const run = (f: () => void) => (): void => {
    onClose(false);
    f();
  };
  const left = Math.max(0, Math.min(anchor.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH));
  const top = anchor.bottom + MENU_HEIGHT > window.innerHeight ? Math.max(0, anchor.top - MENU_HEIGHT) : anchor.bottom;
  return (
    <div ref={ref} className="vm-context-menu vm-row-menu" style={{ left, top }}>
      <Menu aria-label={t('manager.moreActions', { name: item.domain.name })}>
        <MenuContent>
          <MenuList>
            {ROW_ACTIONS.filter((a) => appliesTo(a, item)).map((a) => (
              <MenuItem key={a} isDanger={a === 'forceoff' || a === 'reset'} onClick={run(() => onAction(a, item))}>
                {t(actionLabelKey(a, [item]))}
              </MenuItem>
            ))}
            <Divider component="li" />
            <MenuItem onClick={run(() => onTags(item))}>{t('vmlist.tagsEllipsis')}</MenuItem>
            <MenuItem isDanger onClick={run(() => onAction('delete', item))}>{t('vmlist.action.delete')}</MenuItem>
            <Divider component="li" />
            <MenuItem onClick={run(() => onOpen(item))}>{t('vmlist.open')}</MenuItem>
          </MenuList>
        </MenuContent>
      </Menu>
    </div>
  );
}
