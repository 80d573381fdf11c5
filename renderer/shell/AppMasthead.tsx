import {
  Dropdown, DropdownItem, DropdownList, Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain, MastheadToggle, MenuToggle,
  NotificationBadge, PageToggleButton, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem,
} from '@patternfly/react-core';
import DesktopIcon from '@patternfly/react-icons/dist/esm/icons/desktop-icon';
import GlobeIcon from '@patternfly/react-icons/dist/esm/icons/globe-icon';
import MoonIcon from '@patternfly/react-icons/dist/esm/icons/moon-icon';
import QuestionCircleIcon from '@patternfly/react-icons/dist/esm/icons/question-circle-icon';
import SunIcon from '@patternfly/react-icons/dist/esm/icons/sun-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../i18n/index.js';
import { useUpdateSettings } from '../prefs/use-preferences.js';
import { useJobs, useNotifications } from '../state/hooks.js';
import type { ThemeChoice } from './theme.js';

const THEME_ICONS: Record<ThemeChoice, React.JSX.Element> = { light: <SunIcon />, dark: <MoonIcon />, system: <DesktopIcon /> };

/** The masthead: the app's name, the notifications badge, theme, language (both preferences) and Help with Preferences. */
export function AppMasthead({ theme, onTheme, drawerOpen, onToggleDrawer, onShortcuts, onAbout, onPreferences }: {
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
  drawerOpen: boolean;
  onToggleDrawer: () => void;
  onShortcuts: () => void;
  onAbout: () => void;
  onPreferences: () => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const updateSettings = useUpdateSettings();
  const { items, unread } = useNotifications();
  const running = useJobs().filter((j) => j.state === 'running').length;
  const [helpOpen, setHelpOpen] = useState(false);
  const [langOpen, setLangOpen] = useState(false);
  const attention = items.some((n) => !n.read && n.variant === 'danger');
  const current = (Object.keys(languages) as Language[]).find((l) => l === i18n.language) ?? 'en';

  return (
    <Masthead>
      <MastheadMain>
        <MastheadToggle><PageToggleButton isHamburgerButton aria-label={t('masthead.toggleSidebar')} /></MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component="span" className="app-brand">
            <img src="./hangar.svg" alt="" width={28} height={28} />
            <span>{t('app.title')}</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup variant="action-group-plain" align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }}>
              <ToolbarItem>
                <NotificationBadge count={unread + running} isExpanded={drawerOpen} onClick={onToggleDrawer}
                  variant={attention ? 'attention' : unread + running > 0 ? 'unread' : 'read'}
                  aria-label={t('masthead.notifications', { count: unread })} data-unread={unread} />
              </ToolbarItem>
              <ToolbarItem>
                <ToggleGroup isCompact aria-label={t('theme.label')}>
                  {(['light', 'dark', 'system'] as const).map((c) => (
                    <ToggleGroupItem key={c} icon={THEME_ICONS[c]} aria-label={t(`theme.${c}`)} buttonId={`theme-${c}`}
                      isSelected={theme === c} onChange={() => onTheme(c)} />
                  ))}
                </ToggleGroup>
              </ToolbarItem>
              <ToolbarItem>
                <Dropdown isOpen={langOpen} onOpenChange={setLangOpen} popperProps={{ position: 'right' }}
                  toggle={(ref) => (
                    <MenuToggle ref={ref} variant="plainText" icon={<GlobeIcon />} isExpanded={langOpen} onClick={() => setLangOpen(!langOpen)}
                      aria-label={t('masthead.language')}>
                      <span translate="no">{languages[current]}</span>
                    </MenuToggle>
                  )}>
                  <DropdownList>
                    {(Object.keys(languages) as Language[]).map((l) => (
                      <DropdownItem key={l} lang={l} isSelected={l === current} onClick={() => {
                        setLangOpen(false);
                        // The language preference, as in Preferences (applied by the shell when it changes).
                        void updateSettings({ general: { language: l } }).catch(() => undefined);
                      }}><span translate="no">{languages[l]}</span></DropdownItem>
                    ))}
                  </DropdownList>
                </Dropdown>
              </ToolbarItem>
              <ToolbarItem>
                <Dropdown isOpen={helpOpen} onOpenChange={setHelpOpen} popperProps={{ position: 'right' }}
                  toggle={(ref) => (
                    <MenuToggle ref={ref} variant="plain" icon={<QuestionCircleIcon />} isExpanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}
                      aria-label={t('masthead.help')} />
                  )}>
                  <DropdownList>
                    <DropdownItem onClick={() => {
                      setHelpOpen(false);
                      onPreferences();
                    }}>{t('prefs.open')}</DropdownItem>
                    <DropdownItem onClick={() => {
                      setHelpOpen(false);
                      onShortcuts();
                    }}>{t('masthead.shortcuts')}</DropdownItem>
                    <DropdownItem onClick={() => {
                      setHelpOpen(false);
                      onAbout();
                    }}>{t('masthead.about')}</DropdownItem>
                  </DropdownList>
                </Dropdown>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
}
