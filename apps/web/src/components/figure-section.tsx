import { BarChart, type BarChartProps } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, toCsv } from '../lib/download-file';

type CsvRows = (string | number)[][];

interface FigureSectionProps {
  id: string;
  title: string;
  intro?: string;
  /**
   * The table's rows as exported, header first: the same figures the table shows; none without a
   * table. Read when the button is pressed, when the table shows only part of them.
   */
  csv?: { fileName: string; rows: CsvRows | (() => Promise<CsvRows>) };
  /** What the figures are of, when the reader can choose it: above the chart and the table. */
  controls?: ReactNode;
  /** A `FigureChart` of the figures, or nothing (false); the table below always holds them too. */
  chart?: ReactNode;
  children: ReactNode;
}

/** One titled block of figures: a chart, the table with the same figures, and the table as a CSV file. */
export function FigureSection({ id, title, intro, csv, controls, chart, children }: FigureSectionProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<'reading' | 'failed' | null>(null);
  const download = async () => {
    if (!csv) return;
    if (Array.isArray(csv.rows)) return downloadFile(toCsv(csv.rows), csv.fileName, 'text/csv');
    setFile('reading');
    try {
      downloadFile(toCsv(await csv.rows()), csv.fileName, 'text/csv');
      setFile(null);
    } catch {
      setFile('failed');
    }
  };
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
            <Stack gap={4} align="flex-end">
              <Button
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={file === 'reading'}
                onClick={() => void download()}
                aria-label={t('insights.downloadCsvOf', { title })}
              >
                {t('insights.downloadCsv')}
              </Button>
              {file === 'failed' && (
                <Text size="sm" c="red" role="alert">
                  {t('insights.downloadFailed')}
                </Text>
              )}
            </Stack>
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
