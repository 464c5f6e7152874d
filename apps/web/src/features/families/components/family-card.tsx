import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FamilySummary } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FamilyStatusBadge } from '../../../components/family-status-badge';
import { OverdueBadge } from '../../../components/overdue-badge';
import { formatDate, useLanguage } from '../../../lib/locale';
import { paths } from '../../../lib/paths';
import { AttentionReasons } from './attention-reasons';

export function FamilyCard({ family }: { family: FamilySummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder padding="md" component="article" h="100%">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4">
            <Anchor component={Link} to={paths.family(family.id)} inherit>
              {family.name}
            </Anchor>
          </Title>
          <FamilyStatusBadge status={family.status} />
        </Group>
        <Text size="sm">{t('families.coordinator', { name: family.coordinator.name })}</Text>
        <Text size="sm">
          {[
            t('families.memberCount', { count: family.memberCount }),
            t('families.serviceCount', { count: family.serviceCount }),
            t('families.openActionCount', { count: family.openActionCount }),
          ].join(' · ')}
        </Text>
        <Group gap="xs" justify="space-between">
          {/* A review due soon is said once, among the reasons below. */}
          {(!family.nextReviewOn || family.attention?.reviewDueOn !== family.nextReviewOn) && (
            <Text size="sm">
              {family.nextReviewOn
                ? t('families.nextReview', { date: formatDate(family.nextReviewOn, language) })
                : t('families.noReview')}
            </Text>
          )}
          {/* A professional reads why the family needs them below; a family member sees only what is late. */}
          {!family.attention && family.overdueActionCount > 0 && (
            <OverdueBadge>{t('families.overdueCount', { count: family.overdueActionCount })}</OverdueBadge>
          )}
        </Group>
        {family.attention?.reason && <AttentionReasons attention={family.attention} />}
      </Stack>
    </Card>
  );
}
