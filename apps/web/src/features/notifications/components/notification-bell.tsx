import { Button, Indicator, Popover, VisuallyHidden } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { UNREAD_COUNT_CAP, type NotifiedRole } from '@yhdessa/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unreadCountQueryOptions } from '../api/notifications.query';
import { useLiveNotifications } from '../hooks/use-live-notifications';
import { NOTIFICATIONS_TITLE_ID, NotificationList } from './notification-list';

/** As wide as a list reads well, never wider than a phone's screen. */
const LIST_WIDTH = 'min(26rem, calc(100vw - 1rem))';

/** The bell in the header: how many unread, and the list behind it. New ones arrive live and are announced. */
export function NotificationBell({ role }: { role: NotifiedRole }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const unread = useQuery(unreadCountQueryOptions());
  const count = unread.data?.unread ?? 0;
  const shown = count >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(count);
  // A new notification is announced once the count that includes it has arrived.
  const arrived = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  useLiveNotifications(() => {
    arrived.current = true;
  });
  useEffect(() => {
    if (!arrived.current || count === 0) return;
    arrived.current = false;
    setAnnouncement(t('notifications.arrived', { count, shown }));
  }, [count, shown, t]);

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        // Shown whether or not the bell has scrolled out of view (as the user menu beside it).
        hideDetached={false}
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <Button
            variant="subtle"
            color="dark"
            size="sm"
            mih={44}
            miw={44}
            px="xs"
            aria-label={
              unread.data === undefined
                ? t('notifications.title')
                : count === 0
                  ? t('notifications.bellNone')
                  : t('notifications.bell', { count, shown })
            }
            onClick={() => setOpened((open) => !open)}
          >
            <Indicator label={shown} disabled={count === 0} size={18} color="red.8" offset={2}>
              <IconBell size={22} aria-hidden />
            </Indicator>
          </Button>
        </Popover.Target>
        <Popover.Dropdown aria-labelledby={NOTIFICATIONS_TITLE_ID} style={{ width: LIST_WIDTH }}>
          <NotificationList role={role} unread={count} onFollow={() => setOpened(false)} />
        </Popover.Dropdown>
      </Popover>
      {/* A live region without the status role: screens have their own status messages, this one only speaks. */}
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
