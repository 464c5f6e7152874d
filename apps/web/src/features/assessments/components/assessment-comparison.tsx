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
  const title = t('assessment.compareTitle', { from, to });
  const show = (rating: number | null) => (rating === null ? t('assessment.notRated') : ratingText(t, rating));
  const rows = assessmentDomains.map((domain) => ({ domain, before: ratingIn(base, domain), after: ratingIn(current, domain) }));
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
      {/* A table where there is room; on a phone, one short block per domain instead of a table to scroll sideways. */}
      <Table striped withTableBorder fz="sm" captionSide="top" visibleFrom="sm">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assessment.colDomain')}</Table.Th>
            <Table.Th scope="col">{from}</Table.Th>
            <Table.Th scope="col">{to}</Table.Th>
            <Table.Th scope="col">{t('assessment.colChange')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.domain}>
              <Table.Th scope="row" fw={500}>
                {t(`assessment.domain.${row.domain}`)}
              </Table.Th>
              <Table.Td>{show(row.before)}</Table.Td>
              <Table.Td>{show(row.after)}</Table.Td>
              <Table.Td>
                <RatingChange from={row.before} to={row.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm">
        <Text size="sm" fw={600} id="assessment-compare-list">
          {title}
        </Text>
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="assessment-compare-list">
          {rows.map((row) => (
            <Stack component="li" key={row.domain} gap={2} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={600}>
                {t(`assessment.domain.${row.domain}`)}
              </Text>
              <Text size="sm">
                {from}: {show(row.before)}
              </Text>
              <Text size="sm">
                {to}: {show(row.after)}
              </Text>
              <RatingChange from={row.before} to={row.after} />
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
