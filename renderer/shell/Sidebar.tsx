import { Nav, NavItem, NavList, PageSidebar, PageSidebarBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../state/hooks.js';
import { useNavigation } from './navigation.js';
import { SidebarHost } from './SidebarHost.js';

/** Up to this many connections, each starts open in the sidebar; more start closed. */
const OPEN_HOSTS = 3;

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
            {connections.map((c) => <SidebarHost key={c.key} connection={c} initiallyExpanded={connections.length <= OPEN_HOSTS} />)}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
}
