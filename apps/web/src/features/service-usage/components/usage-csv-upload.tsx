import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import type { UsageCsvResult } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { formatDecimal, formatMonthYear, useLanguage } from '../../../lib/locale';
import { useImportUsageCsv, usePreviewUsageCsv } from '../api/service-usage.mutations';

/**
 * A service's monthly usage as a CSV file: checked first (nothing stored), every line at fault
 * listed with its number; stored only as a whole, and only when no line is at fault.
 */
export function UsageCsvUpload() {
  const { t } = useTranslation();
  const preview = usePreviewUsageCsv();
  const importFile = useImportUsageCsv();
  const [text, setText] = useState<string | null>(null);
  const result: UsageCsvResult | undefined = importFile.data ?? preview.data;

  async function choose(file: File | null) {
    preview.reset();
    importFile.reset();
    const content = file ? await readText(file) : null;
    setText(content);
    if (content) preview.mutate(content);
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('usageCsv.format')}</Text>
      <FileInput label={t('usageCsv.file')} accept=".csv,text/csv" onChange={(file) => void choose(file)} clearable />
      {preview.error && <SaveError error={preview.error} onRetry={() => text && preview.mutate(text)} />}
      {importFile.error && <SaveError error={importFile.error} onRetry={() => text && importFile.mutate(text)} />}
      {result && <CsvResult result={result} />}
      {result && text && !result.stored && (
        <Group>
          <Button
            onClick={() => importFile.mutate(text)}
            loading={importFile.isPending}
            disabled={result.errors.length > 0 || result.rows.length === 0}
          >
            {t('usageCsv.import', { count: result.rows.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The file as UTF-8 text (FileReader, as every browser and the test DOM have it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file, 'utf-8');
  });
}

function CsvResult({ result }: { result: UsageCsvResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm">
      {result.stored ? (
        <Alert color="green" role="status">
          {t('usageCsv.stored', { count: result.rows.length })}
        </Alert>
      ) : result.errors.length > 0 ? (
        <Alert color="red" role="alert" title={t('usageCsv.errorsTitle', { count: result.errors.length })}>
          <Text size="sm" mb="xs">
            {t('usageCsv.nothingStored')}
          </Text>
          <Table aria-label={t('usageCsv.errorsLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('usageCsv.line')}</Table.Th>
                <Table.Th scope="col">{t('usageCsv.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((error) => (
                <Table.Tr key={`${error.line}-${error.problem}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{t(`usageCsv.problem.${error.problem}`, { line: error.duplicateOf })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : (
        <Alert color="blue" role="status">
          {t('usageCsv.ready', { count: result.rows.length })}
        </Alert>
      )}
      {result.rows.length > 0 && (
        <TableScrollContainer label={t('usageCsv.rowsLabel')} minWidth={560}>
          <Table striped aria-label={t('usageCsv.rowsLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('usageCsv.line')}</Table.Th>
                <Table.Th scope="col">{t('usageCsv.family')}</Table.Th>
                <Table.Th scope="col">{t('usageCsv.month')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usageCsv.units')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {row.familyId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatMonthYear(row.month, language)}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(row.units, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScrollContainer>
      )}
    </Stack>
  );
}
