import { Bullseye, Spinner, Tab, Tabs } from '@patternfly/react-core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ManagerTab } from '../manager/ManagerTab.js';
import { tabId, type TabRoute } from './routes.js';
import { TabTitle } from './TabTitle.js';
import type { TabsState } from './use-tabs.js';

// The VM and host tabs (their pages, consoles, editors and graphs) are a chunk of their own: the manager's first
// paint carries only the manager. Once the window is idle they are fetched ahead, so the first click does not wait.
const loadVmTab = () => import('../vm/VmTab.js');
const loadHostTab = () => import('../host/HostTab.js');
const VmTab = lazy(() => loadVmTab().then((m) => ({ default: m.VmTab })));
const HostTab = lazy(() => loadHostTab().then((m) => ({ default: m.HostTab })));

function usePrefetchTabs(): void {
  useEffect(() => {
    const fetchAhead = (): void => {
      void loadVmTab().catch(() => undefined);
      void loadHostTab().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchAhead, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchAhead, 500);
    return () => clearTimeout(timer);
  }, []);
}

function TabBody({ route }: { route: TabRoute }): React.JSX.Element {
  const { t } = useTranslation();
  const loading = <Bullseye><Spinner aria-label={t('common.loading')} /></Bullseye>;
  switch (route.kind) {
    case 'manager': return <ManagerTab />;
    case 'vm': return <Suspense fallback={loading}><VmTab connection={route.connection} uuid={route.key} page={route.page ?? 'details'} /></Suspense>;
    case 'host': return <Suspense fallback={loading}><HostTab connection={route.connection} section={route.section} /></Suspense>;
  }
}

/** What the user opened, one tab each; only the active tab is mounted (its watches are released with it). */
export function TabsArea({ tabs }: { tabs: TabsState }): React.JSX.Element {
  const { t } = useTranslation();
  usePrefetchTabs();
  return (
    <Tabs className="main-tabs" activeKey={tabs.activeId} aria-label={t('tabs.label')} mountOnEnter unmountOnExit
      onSelect={(_e, key) => {
        const route = tabs.tabs.find((r) => tabId(r) === key);
        if (route) tabs.open(route);
      }}
      onClose={(_e, key) => tabs.close(String(key))}>
      {tabs.tabs.map((route) => (
        <Tab key={tabId(route)} eventKey={tabId(route)} title={<TabTitle route={route} />} data-tab={tabId(route)}
          closeButtonAriaLabel={t('tabs.close')} isCloseDisabled={route.kind === 'manager'}>
          <TabBody route={route} />
        </Tab>
      ))}
    </Tabs>
  );
}
