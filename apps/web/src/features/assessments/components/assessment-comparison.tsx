import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { assessmentDomains, type Assessment, type AssessmentDomain } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';
import { RatingChange, ratingText } from './rating-scale';

interface AssessmentComparisonProps {
  current: Assessment;
  /** The earlier assessments, newest first. */
  earlier: Assessment[];
}

const ratingIn = (assessment: Assessment, domain: AssessmentDomain) =>
  assessment.ratings.find((rating) => rating.domain === domain)?.rating ?? null;

/** Per domain, the earlier rating and the current one, and which way it moved, in words. */
export function AssessmentComparison({ current, earlier }: AssessmentComparisonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [earlierId, setEarlierId] = useState(earlier[0]?.id ?? '');
  const base = earlier.find((assessment) => assessment.id === earlierId) ?? earlier[0];
  if (!base) return <Text size="sm">{t('assessment.onlyOne')}</Text>;

  const from = formatDate(base.assessedOn, language);
  const to = formatDate(current.assessedOn, language);
  const show = (rating: number | null) => (rating === null ? t('assessment.notRated') : ratingText(t, rating));
  return (
    <Stack gap="sm" aria-live="polite">
      {earlier.length > 1 && (
        <NativeSelect
          label={t('assessment.compareWith')}
          value={base.id}
          onChange={(event) => setEarlierId(event.currentTarget.value)}
          data={earlier.map((assessment) => ({
            value: assessment.id,
            label: t('assessment.option', { date: formatDate(assessment.assessedOn, language), name: assessment.createdBy.name }),
          }))}
          w={{ base: '100%', sm: 320 }}
        />
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder fz="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>
            {t('assessment.compareTitle', { from, to })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assessment.colDomain')}</Table.Th>
              <Table.Th scope="col">{from}</Table.Th>
              <Table.Th scope="col">{to}</Table.Th>
              <Table.Th scope="col">{t('assessment.colChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessmentDomains.map((domain) => {
              const before = ratingIn(base, domain);
              const after = ratingIn(current, domain);
              return (
                <Table.Tr key={domain}>
                  <Table.Th scope="row" fw={500}>
                    {t(`assessment.domain.${domain}`)}
                  </Table.Th>
                  <Table.Td>{show(before)}</Table.Td>
                  <Table.Td>{show(after)}</Table.Td>
                  <Table.Td>
                    <RatingChange from={before} to={after} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
