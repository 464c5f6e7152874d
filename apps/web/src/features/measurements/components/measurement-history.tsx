import { Box, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { assessmentDomains, type AssessmentDomain, type Measurement } from '@yhdessa/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';
import { domainTitle, scoreText } from './meter-words';

// The chart library is the largest chunk there is: it comes after the answers, which the table below already shows.
const MeasurementChart = lazy(() => import('./measurement-chart').then((m) => ({ default: m.MeasurementChart })));

const CHART_HEIGHT = 240;

const scoreIn = (measurement: Measurement, domain: AssessmentDomain) =>
  measurement.scores.find((score) => score.domain === domain)?.score;

/**
 * The family's line over time for one question at a time: a line per member who answered, and
 * the same answers as a table, in words, for anyone who does not read the chart.
 */
export function MeasurementHistory({ measurements }: { measurements: Measurement[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const captionId = useId();
  const [domain, setDomain] = useState<AssessmentDomain>(assessmentDomains[0]);

  const answered = measurements.flatMap((measurement) => {
    const score = scoreIn(measurement, domain);
    return score === undefined ? [] : [{ measurement, score }];
  });
  const members = [...new Map(answered.map(({ measurement }) => [measurement.takenBy.id, measurement.takenBy])).values()];
  const title = domainTitle(t, 'adult', domain);

  return (
    <Stack gap="sm" maw={760}>
      <NativeSelect
        label={t('measurements.history.domainLabel')}
        value={domain}
        onChange={(event) => setDomain(event.currentTarget.value as AssessmentDomain)}
        data={assessmentDomains.map((each) => ({ value: each, label: domainTitle(t, 'adult', each) }))}
        size="md"
        w={{ base: '100%', sm: 360 }}
      />
      {answered.length === 0 ? (
        <Text size="sm">{t('measurements.history.notAnswered')}</Text>
      ) : (
        <>
          {/* A picture of the table below, which screen readers read instead. */}
          <div aria-hidden>
            <Suspense fallback={<Box h={CHART_HEIGHT} />}>
              <MeasurementChart height={CHART_HEIGHT} answered={answered} members={members} />
            </Suspense>
          </div>
          <Table striped withTableBorder fz="sm" aria-labelledby={captionId}>
            <Table.Caption id={captionId} style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
              {t('measurements.history.tableCaption', { domain: title })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('measurements.history.colDate')}</Table.Th>
                <Table.Th scope="col">{t('measurements.history.colWho')}</Table.Th>
                <Table.Th scope="col">{t('measurements.history.colScore')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answered.map(({ measurement, score }) => (
                <Table.Tr key={measurement.id}>
                  <Table.Td>{formatDate(measurement.takenOn, language)}</Table.Td>
                  <Table.Td>{measurement.takenBy.name}</Table.Td>
                  <Table.Td>{scoreText(t, measurement.respondentVersion, score)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
