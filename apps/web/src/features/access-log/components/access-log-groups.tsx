import { Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import type { AccessLogGroup } from '@yhdessa/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { describeActor, describeDeed, describeThings } from './access-log-words';

function RefusedBadge({ label }: { label: string }) {
  return (
    <Badge
      color="red"
      variant="light"
      radius="sm"
      leftSection={<IconAlertTriangle size={14} aria-hidden />}
      style={{ textTransform: 'none', whiteSpace: 'normal', height: 'auto' }}
    >
      {label}
    </Badge>
  );
}

/** "Hanna Kivelä (työntekijä, koulu) katsoi suunnitelmaa 3 kertaa 5.12.2026 klo 09.10–09.40", opening to each time. */
function AccessLogGroupItem({ group }: { group: AccessLogGroup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const eventsId = useId();
  const who = describeActor(group.actor, t);
  const first = formatDateTimeParts(group.firstAt, language);
  const last = formatDateTimeParts(group.lastAt, language);
  const what = describeThings(group.things, t);
  const line =
    first.time === last.time
      ? t('accessLog.line', { what, date: last.date, time: last.time })
      : t('accessLogGroups.lineRange', { what, date: last.date, from: first.time, to: last.time });
  return (
    <Paper
      component="li"
      py="sm"
      px="sm"
      radius={0}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        borderLeft: group.refused ? '4px solid var(--mantine-color-red-8)' : '4px solid transparent',
        background: group.refused ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Stack gap={4} align="flex-start">
        {group.refused && <RefusedBadge label={t('accessLogGroups.refusedBadge')} />}
        <Text size="sm">
          <Text span size="sm" fw={600}>
            {who}
          </Text>{' '}
          {line}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          mih={32}
          aria-expanded={open}
          aria-controls={eventsId}
          onClick={() => setOpen((was) => !was)}
          rightSection={open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
        >
          {open ? t('accessLogGroups.hideEvents') : t('accessLogGroups.showEvents', { count: group.count })}
        </Button>
        {open && (
          <Stack
            id={eventsId}
            component="ol"
            gap={4}
            pl="md"
            m={0}
            aria-label={t('accessLogGroups.eventsLabel', { who, date: last.date })}
          >
            {group.events.map((event) => (
              <Text component="li" size="sm" key={event.id}>
                {event.outcome === 'denied' && (
                  <>
                    <RefusedBadge label={t(`accessLog.deniedBadge.${event.action}`)} />{' '}
                  </>
                )}
                {t('accessLogGroups.eventLine', {
                  time: formatDateTimeParts(event.occurredAt, language).time,
                  what: describeDeed(event, t),
                })}
              </Text>
            ))}
            {group.events.length < group.count && (
              <Text size="sm" c="dimmed">
                {t('accessLogGroups.newestShown', { shown: group.events.length, count: group.count })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

interface AccessLogGroupsProps {
  groups: AccessLogGroup[];
  /** Whether the family's own use is left out: the empty state then says only others are missing. */
  ownHidden: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onShowOlder: () => void;
}

export function AccessLogGroups({ groups, ownHidden, hasOlder, loadingOlder, onShowOlder }: AccessLogGroupsProps) {
  const { t } = useTranslation();
  if (groups.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text fw={600}>{t(ownHidden ? 'accessLogGroups.emptyOthersTitle' : 'accessLog.emptyTitle')}</Text>
        <Text size="sm">{t(ownHidden ? 'accessLogGroups.emptyOthersText' : 'accessLog.emptyText')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accessLogGroups.listLabel')}>
        {groups.map((group) => (
          <AccessLogGroupItem key={group.events[0]?.id ?? group.lastAt} group={group} />
        ))}
      </Stack>
      {hasOlder ? (
        <Button variant="default" onClick={onShowOlder} loading={loadingOlder} style={{ alignSelf: 'flex-start' }} mih={44}>
          {t('accessLog.showOlder')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('accessLog.end')}
        </Text>
      )}
    </Stack>
  );
}
