import { Tab, Tabs } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { HostTab } from '../host/HostTab.js';
import { ManagerTab } from '../manager/ManagerTab.js';
import { VmTab } from '../vm/VmTab.js';
import { tabId, type TabRoute } from './routes.js';
import { TabTitle } from './TabTitle.js';
import type { TabsState } from './use-tabs.js';

function TabBody({ route }: { route: TabRoute }): React.JSX.Element {
  switch (route.kind) {
    case 'manager': return <ManagerTab />;
    case 'vm': return <VmTab connection={route.connection} uuid={route.key} page={route.page ?? 'details'} />;
    case 'host': return <HostTab connection={route.connection} section={route.section} />;
  }
}

/** What the user opened, one tab each; only the active tab is mounted (its watches are released with it). */
export function TabsArea({ tabs }: { tabs: TabsState }): React.JSX.Element {
  const { t } = useTranslation();
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
