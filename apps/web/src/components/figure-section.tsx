import { BarChart, type BarChartProps } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, toCsv } from '../lib/download-file';

interface FigureSectionProps {
  id: string;
  title: string;
  intro?: string;
  /** The table's rows as exported, header first: the same figures the table shows; none without a table. */
  csv?: { fileName: string; rows: (string | number)[][] };
  /** What the figures are of, when the reader can choose it: above the chart and the table. */
  controls?: ReactNode;
  /** A `FigureChart` of the figures, or nothing (false); the table below always holds them too. */
  chart?: ReactNode;
  children: ReactNode;
}

/** One titled block of figures: a chart, the table with the same figures, and the table as a CSV file. */
export function FigureSection({ id, title, intro, csv, controls, chart, children }: FigureSectionProps) {
  const { t } = useTranslation();
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {intro && (
              <Text size="sm" c="dimmed" maw={760}>
                {intro}
              </Text>
            )}
          </Stack>
          {csv && (
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadFile(toCsv(csv.rows), csv.fileName, 'text/csv')}
              aria-label={t('insights.downloadCsvOf', { title })}
            >
              {t('insights.downloadCsv')}
            </Button>
          )}
        </Group>
        {controls}
        {chart && (
          // The chart is a picture of the table below, which screen readers read instead.
          <div aria-hidden>{chart}</div>
        )}
        {children}
      </Stack>
    </Card>
  );
}

/**
 * A bar chart for a figure section. The section hides it from screen readers, so it takes no
 * keyboard focus either (recharts makes a chart focusable by default); the mouse still shows
 * each bar's figure.
 */
export function FigureChart({ barChartProps, ...props }: BarChartProps) {
  return <BarChart {...props} barChartProps={{ ...barChartProps, accessibilityLayer: false }} />;
}
