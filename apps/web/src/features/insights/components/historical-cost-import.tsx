import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFigureFormat } from './figure-format';
import { useImportHistoricalCosts, usePreviewHistoricalCosts } from '../api/insights.query';

/** Loading a file of yearly service costs: checked first, then imported whole, or not at all. */
export function HistoricalCostImport() {
  const { t } = useTranslation();
  const { euros } = useFigureFormat();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const preview = usePreviewHistoricalCosts();
  const importFile = useImportHistoricalCosts();

  async function choose(chosen: File | null) {
    preview.reset();
    importFile.reset();
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    preview.mutate(text);
  }

  const checked = preview.data;
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="historical-import-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="historical-import-title">
          {t('insights.import.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('insights.import.intro')}
        </Text>
        <FileInput
          label={t('insights.import.file')}
          placeholder={t('insights.import.choose')}
          accept=".csv,text/csv"
          clearable
          maw={420}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          onChange={(chosen) => void choose(chosen)}
        />
        {preview.isError && (
          <Alert color="red" role="alert">
            {t('insights.import.failed')}
          </Alert>
        )}
        {checked && !checked.valid && (
          <Alert color="red" role="alert" title={t('insights.import.invalid', { count: checked.errors.length })}>
            <List size="sm">
              {checked.errors.map((error) => (
                <List.Item key={error.line}>{t('insights.import.errorLine', error)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {checked?.valid && file && !importFile.isSuccess && (
          <Stack gap="xs" role="status">
            <Text size="sm">{t('insights.import.valid', { count: checked.rows.length })}</Text>
            <List size="sm">
              {checked.yearTotals.map((total) => (
                <List.Item key={total.year}>
                  {t('insights.import.yearTotal', { year: total.year, total: euros(total.totalCostCents) })}
                </List.Item>
              ))}
            </List>
            <Group>
              <Button loading={importFile.isPending} onClick={() => importFile.mutate({ csv: file.text, source: file.name })}>
                {t('insights.import.submit')}
              </Button>
            </Group>
          </Stack>
        )}
        {importFile.isError && (
          <Alert color="red" role="alert">
            {t('insights.import.failed')}
          </Alert>
        )}
        {importFile.isSuccess && (
          <Alert color="teal" role="status">
            {t('insights.import.done', { count: importFile.data.rows.length, source: importFile.data.source })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
