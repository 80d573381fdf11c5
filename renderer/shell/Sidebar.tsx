import { Nav, NavItem, NavList, PageSidebar, PageSidebarBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../state/hooks.js';
import { useNavigation } from './navigation.js';
import { SidebarHost } from './SidebarHost.js';

/** The navigation sidebar: the manager, then each saved connection with what its host has. */
export function Sidebar(): React.JSX.Element {
  const { t } = useTranslation();
  const nav = useNavigation();
  const connections = useConnections();
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t('sidebar.label')}>
          <NavList>
            <NavItem component="button" itemId="manager" isActive={nav.activeId === 'manager'} onClick={() => nav.open({ kind: 'manager' })}>
              {t('tabs.manager')}
            </NavItem>
            {connections.map((c) => <SidebarHost key={c.key} connection={c} />)}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
}
