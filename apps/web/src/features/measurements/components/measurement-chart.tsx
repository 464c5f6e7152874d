import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import type { Measurement } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../../../lib/locale';

// One colour per member who answered; the names in the legend and the table say who is who.
const memberColors = ['indigo.6', 'teal.7', 'grape.6', 'orange.7', 'cyan.7', 'pink.6'] as const;

interface MeasurementChartProps {
  height: number;
  /** One question's answers, oldest first. */
  answered: { measurement: Measurement; score: number }[];
  members: Measurement['takenBy'][];
}

/** A line per member who answered one question: a picture of the history's table (measurement-history.tsx). */
export function MeasurementChart({ height, answered, members }: MeasurementChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <LineChart
      h={height}
      data={answered.map(({ measurement, score }) => ({
        day: formatDate(measurement.takenOn, language),
        [measurement.takenBy.id]: score,
      }))}
      dataKey="day"
      series={members.map((member, index) => ({
        name: member.id,
        label: member.name,
        color: memberColors[index % memberColors.length]!,
      }))}
      connectNulls
      withLegend={members.length > 1}
      xAxisLabel={t('measurements.history.dateAxis')}
      yAxisLabel={t('measurements.history.scoreAxis')}
      xAxisProps={{ padding: { left: 32, right: 32 } }}
      yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], allowDecimals: false, width: 48 }}
      curveType="linear"
      strokeWidth={3}
      // Hidden from screen readers, so no keyboard focus either.
      lineChartProps={{ accessibilityLayer: false }}
    />
  );
}
