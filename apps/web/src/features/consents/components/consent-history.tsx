import { Badge, Stack, Text } from '@mantine/core';
import type { ConsentHistoryEntry, LocalizedText } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';

interface ConsentHistoryProps {
  history: ConsentHistoryEntry[];
  serviceNames: Record<string, LocalizedText>;
}

/** "Muutoshistoria": who changed which consent and when, newest first. */
export function ConsentHistory({ history, serviceNames }: ConsentHistoryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (history.length === 0) return <Text size="sm">{t('consents.historyEmpty')}</Text>;
  const newestFirst = [...history].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      {newestFirst.map((entry, index) => {
        const name = serviceNames[entry.serviceId];
        const { date, time } = formatDateTimeParts(entry.decidedAt, language);
        return (
          <Stack
            component="li"
            key={`${entry.decidedAt}-${entry.serviceId}-${entry.part}-${index}`}
            gap={4}
            py="sm"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text size="sm" fw={600}>
              {t('consents.historyWhat', {
                service: name ? localizeText(name, language) : t('consents.unknownService'),
                part: t(`consents.part.${entry.part}.title`),
              })}
            </Text>
            <Badge color={entry.granted ? 'teal' : 'gray'} variant="light" radius="sm" tt="none">
              {entry.granted ? t('consents.granted') : t('consents.withdrawn')}
            </Badge>
            <Text size="sm">{t('consents.historyWho', { name: entry.decidedBy.name, date, time })}</Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
