import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { assessmentDomains, type Measurement } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { domainTitle, scoreText } from './meter-words';

interface MeasurementListProps {
  /** Oldest first, as the server answers; shown newest first. */
  measurements: Measurement[];
  /** Opens the author's correction of an answer the server says they may still correct. */
  onCorrect?: (measurement: Measurement) => void;
}

/** Every answer in full: who, when, in which version, each question in words and what else they said. */
export function MeasurementList({ measurements, onCorrect }: MeasurementListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Accordion variant="separated" multiple>
      {[...measurements].reverse().map((measurement) => {
        const version = measurement.respondentVersion;
        return (
          <Accordion.Item key={measurement.id} value={measurement.id}>
            <Accordion.Control>
              <Stack gap={2}>
                <Text fw={600}>
                  {t('measurements.list.summary', {
                    date: formatDate(measurement.takenOn, language),
                    name: measurement.takenBy.name,
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('measurements.list.details', {
                    version: t(`measurements.version.${version}`),
                    occasion: t(`measurements.occasion.${measurement.occasion}`),
                  })}
                </Text>
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {measurement.correctedAt && (
                  <Group>
                    <Badge variant="light" color="gray">
                      {t('measurements.list.corrected', {
                        date: formatDateTimeParts(measurement.correctedAt, language).date,
                      })}
                    </Badge>
                  </Group>
                )}
                <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
                  {assessmentDomains.map((domain) => {
                    const score = measurement.scores.find((each) => each.domain === domain)?.score;
                    return (
                      <Text component="li" size="sm" key={domain}>
                        <Text span fw={600} inherit>
                          {domainTitle(t, version, domain)}:
                        </Text>{' '}
                        {score === undefined ? t('measurements.form.skipped') : scoreText(t, version, score)}
                      </Text>
                    );
                  })}
                </Stack>
                {measurement.comment && <Text size="sm">{t('measurements.list.comment', { comment: measurement.comment })}</Text>}
                {measurement.can.correct && onCorrect && (
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      onClick={() => onCorrect(measurement)}
                    >
                      {t('measurements.list.correct')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
