import { Alert, Page } from '@patternfly/react-core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppliedPreferences } from '../prefs/apply.js';
import { useLinkStatus, useStores } from '../state/hooks.js';
import { openNewVm } from '../wizards/newvm/new-vm-launcher.js';
import { NewVmHost } from '../wizards/newvm/NewVmHost.js';
import { AboutDialog } from './AboutDialog.js';
import { AppMasthead } from './AppMasthead.js';
import { NavigationContext } from './navigation.js';
import { NotificationsDrawer } from './NotificationsDrawer.js';
import { PromptHost } from './PromptHost.js';
import { matchShortcut } from './shortcuts.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { Sidebar } from './Sidebar.js';
import { storeMessages } from './store-messages.js';
import { TabsArea } from './TabsArea.js';
import { Toasts } from './Toasts.js';
import { useTheme } from './theme.js';
import { useTabs } from './use-tabs.js';

// Loaded when first opened: its forms check values with the settings' zod schemas, which the first list need not wait for.
const PreferencesDialog = lazy(() => import('../prefs/PreferencesDialog.js').then((m) => ({ default: m.PreferencesDialog })));

/** The one main window: masthead, sidebar of hosts, tabs of what is open, the notifications drawer, app-wide dialogs. */
export function AppShell(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const stores = useStores();
  const link = useLinkStatus();
  const tabs = useTabs();
  const [theme, setTheme] = useTheme();
  useAppliedPreferences();
  const [drawer, setDrawer] = useState(false);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | 'preferences' | undefined>();

  useEffect(() => {
    stores.setMessages(storeMessages(i18n.getFixedT(i18n.language)));
  }, [stores, i18n, i18n.language]);

  const toggleDrawer = (): void => {
    // What was unread has been seen once the drawer closes.
    if (drawer) stores.notifications.markAllRead();
    setDrawer(!drawer);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const id = matchShortcut(e);
      if (!id) return;
      e.preventDefault();
      switch (id) {
        case 'closeTab': tabs.close(tabs.activeId); break;
        case 'nextTab': tabs.cycle(1); break;
        case 'previousTab': tabs.cycle(-1); break;
        case 'managerTab': tabs.open({ kind: 'manager' }); break;
        case 'notifications': toggleDrawer(); break;
        case 'preferences': setDialog('preferences'); break;
        case 'newVm': openNewVm(); break;
        case 'help': setDialog('shortcuts'); break;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  return (
    <NavigationContext.Provider value={tabs}>
      <Page isManagedSidebar isContentFilled
        masthead={<AppMasthead theme={theme} onTheme={setTheme} drawerOpen={drawer} onToggleDrawer={toggleDrawer}
          onShortcuts={() => setDialog('shortcuts')} onAbout={() => setDialog('about')} onPreferences={() => setDialog('preferences')} />}
        sidebar={<Sidebar />}
        notificationDrawer={<NotificationsDrawer onClose={toggleDrawer} />}
        isNotificationDrawerExpanded={drawer}
        mainAriaLabel={t('app.main')}>
        {link.state === 'closed' && (
          <Alert variant="danger" isInline title={t('status.disconnected', { reason: link.reason })} className="link-alert" />
        )}
        <TabsArea tabs={tabs} />
      </Page>
      <Toasts drawerOpen={drawer} />
      <PromptHost />
      <NewVmHost />
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'preferences' && (
        <Suspense fallback={null}>
          <PreferencesDialog onClose={() => setDialog(undefined)} />
        </Suspense>
      )}
    </NavigationContext.Provider>
  );
}
