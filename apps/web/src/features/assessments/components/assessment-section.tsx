import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { assessmentDomains } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisclosureForm } from '../../../components/disclosure-form';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { isApiError } from '../../../lib/api-client';
import { formatDate, useLanguage } from '../../../lib/locale';
import { assessmentsQueryOptions } from '../api/assessments.query';
import { AssessmentComparison } from './assessment-comparison';
import { DomainRatingCard } from './domain-rating-card';
import { NewAssessmentForm } from './new-assessment-form';
import { RatingLegend } from './rating-scale';

interface AssessmentSectionProps {
  familyId: string;
  /** The coordinator records and corrects the assessment; everyone else who may see it reads it. */
  canEdit: boolean;
  /** The family reads an introduction in its own terms. */
  forFamily: boolean;
  /** Whether the family shares the assessment with the reader: when not, the section says so rather than vanish. */
  shared: boolean;
}

/** The one joint needs assessment by domain, instead of one per service, with earlier ones to compare against. */
export function AssessmentSection({ shared, ...props }: AssessmentSectionProps) {
  const { t } = useTranslation();
  if (!shared) return <Text size="sm">{t('assessment.notShared')}</Text>;
  return <SharedAssessments {...props} />;
}

function SharedAssessments({ familyId, canEdit, forFamily }: Omit<AssessmentSectionProps, 'shared'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assessments = useQuery(assessmentsQueryOptions(familyId));
  const [comparing, setComparing] = useState(false);

  if (assessments.isPending) return <LoadingState />;
  if (assessments.isError && !assessments.data)
    // The server hides an assessment the family has not shared as if there were none.
    return isApiError(assessments.error, 'not_found') || isApiError(assessments.error, 'forbidden') ? (
      <Text size="sm">{t('assessment.notShared')}</Text>
    ) : (
      <ErrorState title={t('assessment.loadFailed')} onRetry={() => void assessments.refetch()} />
    );

  const [current, ...earlier] = assessments.data;
  const startForm = canEdit && (
    <DisclosureForm label={current ? t('assessment.start') : t('assessment.startFirst')}>
      {(close) => <NewAssessmentForm familyId={familyId} previous={current} onDone={close} />}
    </DisclosureForm>
  );
  if (!current)
    return (
      <Stack gap="sm">
        <Text size="sm">{canEdit ? t('assessment.emptyCoordinator') : t('assessment.empty')}</Text>
        {startForm}
      </Stack>
    );

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Text size="sm">{forFamily ? t('assessment.introFamily') : t('assessment.intro')}</Text>
          <Text size="sm" fw={600}>
            {t('assessment.assessedOn', { date: formatDate(current.assessedOn, language), name: current.createdBy.name })}
          </Text>
          <RatingLegend />
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {assessmentDomains.map((domain) => (
          <DomainRatingCard key={domain} familyId={familyId} assessment={current} domain={domain} canEdit={canEdit} />
        ))}
      </SimpleGrid>
      <Stack gap="sm" component="section" aria-labelledby="assessment-compare-title">
        <Title order={3} size="h5" id="assessment-compare-title">
          {t('assessment.compareHeading')}
        </Title>
        {earlier.length === 0 ? (
          <Text size="sm">{t('assessment.onlyOne')}</Text>
        ) : comparing ? (
          <AssessmentComparison key={current.id} current={current} earlier={earlier} />
        ) : (
          <Group className="no-print">
            <Button variant="light" leftSection={<IconArrowsDiff size={16} aria-hidden />} onClick={() => setComparing(true)}>
              {t('assessment.compare')}
            </Button>
          </Group>
        )}
      </Stack>
      {startForm}
    </Stack>
  );
}
