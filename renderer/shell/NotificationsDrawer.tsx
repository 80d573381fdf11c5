import {
  Button, Dropdown, DropdownItem, DropdownList, EmptyState, MenuToggle, NotificationDrawer, NotificationDrawerBody, NotificationDrawerGroup, NotificationDrawerGroupList,
  NotificationDrawerHeader, NotificationDrawerList, NotificationDrawerListItem, NotificationDrawerListItemBody,
  NotificationDrawerListItemHeader,
} from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import TimesIcon from '@patternfly/react-icons/dist/esm/icons/times-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobs, useNotifications } from '../state/hooks.js';
import { JobItem } from './JobItem.js';

/** The drawer: jobs (running first, with their progress) and what the app had to say (errors as the host said them). */
export function NotificationsDrawer({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const jobs = useJobs();
  const notifications = useNotifications();
  const [open, setOpen] = useState({ jobs: true, messages: true });
  const [menu, setMenu] = useState(false);
  const running = jobs.filter((j) => j.state === 'running');
  const sortedJobs = [...jobs].sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.startedAt - a.startedAt);

  return (
    <NotificationDrawer>
      <NotificationDrawerHeader title={t('drawer.title')} customText={t('drawer.unread', { count: notifications.unread })}
        onClose={onClose} closeButtonAriaLabel={t('drawer.close')}>
        <Dropdown isOpen={menu} onOpenChange={setMenu} popperProps={{ position: 'right' }}
          toggle={(ref) => (
            <MenuToggle ref={ref} variant="plain" isExpanded={menu} onClick={() => setMenu(!menu)} aria-label={t('drawer.actions')} icon={<EllipsisVIcon />} />
          )}>
          <DropdownList>
            <DropdownItem isDisabled={notifications.unread === 0} onClick={() => {
              setMenu(false);
              notifications.markAllRead();
            }}>{t('drawer.markAllRead')}</DropdownItem>
            <DropdownItem isDisabled={notifications.items.length === 0} onClick={() => {
              setMenu(false);
              notifications.clear();
            }}>{t('drawer.clearAll')}</DropdownItem>
          </DropdownList>
        </Dropdown>
      </NotificationDrawerHeader>
      <NotificationDrawerBody>
        <NotificationDrawerGroupList>
          <NotificationDrawerGroup title={t('drawer.jobs')} count={running.length} isExpanded={open.jobs} isRead={running.length === 0}
            onExpand={(_e, v: boolean) => setOpen({ ...open, jobs: v })}>
            <NotificationDrawerList isHidden={!open.jobs} aria-label={t('drawer.jobs')}>
              {sortedJobs.length === 0 && <EmptyState titleText={t('drawer.noJobs')} headingLevel="h4" variant="xs" />}
              {sortedJobs.map((j) => <JobItem key={j.key} job={j} />)}
            </NotificationDrawerList>
          </NotificationDrawerGroup>
          <NotificationDrawerGroup title={t('drawer.notifications')} count={notifications.unread} isExpanded={open.messages}
            isRead={notifications.unread === 0} onExpand={(_e, v: boolean) => setOpen({ ...open, messages: v })}>
            <NotificationDrawerList isHidden={!open.messages} aria-label={t('drawer.notifications')}>
              {notifications.items.length === 0 && <EmptyState titleText={t('drawer.empty')} headingLevel="h4" variant="xs" />}
              {notifications.items.map((n) => (
                <NotificationDrawerListItem key={n.id} variant={n.variant} isRead={n.read} data-notification={n.variant}
                  readStateScreenReaderText={n.read ? t('drawer.read') : t('drawer.unreadItem')}>
                  <NotificationDrawerListItemHeader variant={n.variant} title={n.title} srTitle={t(`drawer.variant.${n.variant}`)}>
                    <Button variant="plain" aria-label={t('drawer.dismiss')} icon={<TimesIcon />} onClick={() => notifications.dismiss(n.id)} />
                  </NotificationDrawerListItemHeader>
                  <NotificationDrawerListItemBody timestamp={new Date(n.at).toLocaleTimeString(i18n.language)}>
                    {n.detail && <span className="notification-detail">{n.detail}</span>}
                  </NotificationDrawerListItemBody>
                </NotificationDrawerListItem>
              ))}
            </NotificationDrawerList>
          </NotificationDrawerGroup>
        </NotificationDrawerGroupList>
      </NotificationDrawerBody>
    </NotificationDrawer>
  );
}
