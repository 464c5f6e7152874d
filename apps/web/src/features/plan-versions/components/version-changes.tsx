import { Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { useLanguage } from '../../../lib/locale';
import { planVersionComparisonQueryOptions } from '../api/plan-versions.query';
import { wordComparison } from './change-words';

/** What changed from one version to another, in sentences; a changed text is shown as it was and as it is. */
export function VersionChanges({ familyId, from, to }: { familyId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comparison = useQuery(planVersionComparisonQueryOptions(familyId, from, to));
  if (comparison.isPending) return <LoadingState />;
  if (comparison.isError) return <ErrorState title={t('versions.compareFailed')} onRetry={() => void comparison.refetch()} />;
  const changes = wordComparison(comparison.data, t, language);
  return (
    <Card withBorder padding="md" aria-live="polite">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('versions.comparisonTitle', { from, to })}
        </Title>
        {changes.length === 0 ? (
          <Text size="sm">{t('versionsAndPrint.noChanges')}</Text>
        ) : (
          <List size="sm" spacing={6}>
            {changes.map((change) => (
              <List.Item key={change.key}>
                <Text size="sm">{change.sentence}</Text>
                {change.texts && (
                  <Group gap="md" align="flex-start" grow mt={4} wrap="wrap">
                    <TextBlock label={t('versionsAndPrint.before')} text={change.texts.before} />
                    <TextBlock label={t('versionsAndPrint.after')} text={change.texts.after} />
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

function TextBlock({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={0} miw={200}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}
