import { Stack, Text } from '@mantine/core';
import type { ActivityEntry } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/locale';
import { describeActorRole, describeChange, describeTime } from './activity-words';

interface ActivityLineProps {
  entry: ActivityEntry;
  /** The reader is a family member: the line speaks to them in their own words. */
  forFamily: boolean;
}

/** "Hanna Kivelä merkitsi tehtävän ”Koulupalaveri” tehdyksi", then who she is to the family and when. */
export function ActivityLine({ entry, forFamily }: ActivityLineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const role = describeActorRole(entry.actor, t, language, forFamily);
  return (
    <Stack gap={2}>
      <Text size="sm">{describeChange(entry, t, language, forFamily)}</Text>
      <Text size="xs" c="dimmed">
        {role && `${role} · `}
        {describeTime(entry, t, language)}
      </Text>
    </Stack>
  );
}

/** The sentence alone, for a list that says where and when itself (the coordinator's workspace). */
export function ActivitySentence({ entry }: { entry: ActivityEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return describeChange(entry, t, language, false);
}
