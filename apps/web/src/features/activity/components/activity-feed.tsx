import { Button, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ActivityEntry } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { useLanguage } from '../../../lib/locale';
import { activityQueryOptions } from '../api/activity.query';
import { ActivityLine } from './activity-line';
import { dayOf, describeDay } from './activity-words';

interface ActivityFeedProps {
  familyId: string;
  forFamily: boolean;
  /** Read only once the section is opened: every read of it is audited. */
  enabled: boolean;
}

/** The lines of one day, in the order they came. */
function byDay(entries: ActivityEntry[]): { day: string; entries: ActivityEntry[] }[] {
  const days: { day: string; entries: ActivityEntry[] }[] = [];
  for (const entry of entries) {
    const day = dayOf(entry);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

/** What has changed in the family, newest first, under day headings; older lines on request; new ones as they happen. */
export function ActivityFeed({ familyId, forFamily, enabled }: ActivityFeedProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activity = useInfiniteQuery({ ...activityQueryOptions(familyId), enabled });

  if (activity.isPending) return enabled ? <LoadingState /> : null;
  if (activity.isError && !activity.data)
    return <ErrorState title={t('activity.loadFailed')} onRetry={() => void activity.refetch()} />;
  const entries = activity.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <Text size="sm">{forFamily ? t('activity.emptyFamily') : t('activity.empty')}</Text>;

  return (
    <Stack gap="md">
      {byDay(entries).map(({ day, entries: ofDay }) => (
        <Stack component="section" aria-labelledby={`activity-day-${day}`} gap="xs" key={day}>
          <Title order={3} size="h5" id={`activity-day-${day}`}>
            {describeDay(day, t, language)}
          </Title>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {ofDay.map((entry) => (
              <li key={entry.seq}>
                <ActivityLine entry={entry} forFamily={forFamily} />
              </li>
            ))}
          </Stack>
        </Stack>
      ))}
      {activity.hasNextPage ? (
        <div>
          <Button variant="default" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
            {t('activity.loadMore')}
          </Button>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {t('activity.end')}
        </Text>
      )}
      {activity.isFetchNextPageError && (
        <ErrorState title={t('activity.loadFailed')} onRetry={() => void activity.fetchNextPage()} />
      )}
    </Stack>
  );
}
