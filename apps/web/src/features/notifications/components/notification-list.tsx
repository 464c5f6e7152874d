import { ActionIcon, Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconSettings } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Notification, NotifiedRole } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { notificationListQueryOptions, useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/notifications.query';
import { describeNotification, notificationLink } from './notification-words';

export const NOTIFICATIONS_TITLE_ID = 'notifications-title';

interface NotificationListProps {
  role: NotifiedRole;
  unread: number;
  /** A link was followed: the list closes. */
  onFollow: () => void;
}

/** The reader's notifications, newest first: each leads to its item and is read on the way. */
export function NotificationList({ role, unread, onFollow }: NotificationListProps) {
  const { t } = useTranslation();
  const list = useInfiniteQuery(notificationListQueryOptions());
  const markAll = useMarkAllNotificationsRead();
  const notifications = list.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} size="h4" id={NOTIFICATIONS_TITLE_ID}>
          {t('notifications.title')}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          mih={36}
          leftSection={<IconCheck size={16} aria-hidden />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState title={t('notifications.loadFailed')} onRetry={() => void list.refetch()} />
      ) : notifications.length === 0 ? (
        <Text size="sm">{t('notifications.empty')}</Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none', maxHeight: '60vh', overflowY: 'auto' }}>
          {notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} role={role} onFollow={onFollow} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('notifications.showOlder')}
        </Button>
      )}
      <Anchor
        component={Link}
        to={paths.notificationSettings}
        size="sm"
        onClick={onFollow}
        mih={44}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconSettings size={16} aria-hidden />
        {t('notifications.settingsLink')}
      </Anchor>
    </Stack>
  );
}

function NotificationItem({
  notification,
  role,
  onFollow,
}: {
  notification: Notification;
  role: NotifiedRole;
  onFollow: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markRead = useMarkNotificationRead();
  const unread = notification.readAt === null;
  const text = describeNotification(t, language, notification);
  const when = t('notifications.at', formatDateTimeParts(notification.createdAt, language));
  return (
    <li
      style={{
        borderTop: '1px solid var(--mantine-color-gray-3)',
        paddingBlock: 'var(--mantine-spacing-xs)',
        paddingInlineStart: 'var(--mantine-spacing-xs)',
        borderInlineStart: `4px solid ${unread ? 'var(--mantine-color-indigo-7)' : 'transparent'}`,
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor
            component={Link}
            to={notificationLink(notification, role)}
            fw={unread ? 700 : 500}
            size="sm"
            onClick={() => {
              if (unread) markRead.mutate(notification.id);
              onFollow();
            }}
          >
            {unread && <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
            {notification.family.name}: {text}
          </Anchor>
          <Text size="xs" c="dimmed">
            {notification.actor ? `${notification.actor.name} · ${when}` : when}
          </Text>
        </Stack>
        {unread && (
          <ActionIcon
            variant="subtle"
            size={36}
            aria-label={t('notifications.markRead', { text })}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(notification.id)}
          >
            <IconCheck size={18} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </li>
  );
}
