import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { ErrorState } from '../../../components/error-state';
import { downloadFile } from '../../../lib/download-file';
import { addDays, finnishToday, startOfFinnishDay } from '../../../lib/locale';
import { useAuditExport } from '../api/audit-export.mutation';

/** The server's limit: a window of at most 366 days. */
const MAX_WINDOW_MS = 366 * 86_400_000;

/** Whole days in Finnish time: from the start of the first day to the end of the last. */
function windowOf(fromDate: string, toDate: string) {
  return { from: startOfFinnishDay(fromDate), to: startOfFinnishDay(addDays(toDate, 1)) };
}

export function AuditExportForm() {
  const { t } = useTranslation();
  const today = finnishToday();
  const [fromDate, setFromDate] = useState(addDays(today, -30));
  const [toDate, setToDate] = useState(today);
  const [problem, setProblem] = useState<'missing' | 'order' | 'tooLong' | null>(null);
  const [saved, setSaved] = useState<{ count: number; fileName: string } | null>(null);
  const exportLog = useAuditExport();

  function submit() {
    setSaved(null);
    if (!fromDate || !toDate) return setProblem('missing');
    if (fromDate > toDate) return setProblem('order');
    const window = windowOf(fromDate, toDate);
    if (Date.parse(window.to) - Date.parse(window.from) > MAX_WINDOW_MS) return setProblem('tooLong');
    const fileName = `audit-log-${fromDate}_${toDate}.json`;
    exportLog.mutate(window, {
      onSuccess: (data) => {
        // Exactly as the server sent it.
        downloadFile(JSON.stringify(data, null, 2), fileName, 'application/json');
        setSaved({ count: data.entries.length, fileName });
      },
    });
  }

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setProblem(null);
    setSaved(null);
    exportLog.reset();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md" maw={640}>
        <Group gap="sm" align="flex-start">
          <DateField
            label={t('auditExport.from')}
            value={fromDate}
            onChange={edit(setFromDate)}
            max={today}
            required
            error={problem === 'missing' && !fromDate ? t('auditExport.missing') : undefined}
          />
          <DateField
            label={t('auditExport.to')}
            value={toDate}
            onChange={edit(setToDate)}
            required
            error={
              problem === 'order'
                ? t('auditExport.order')
                : problem === 'tooLong'
                  ? t('auditExport.tooLong')
                  : problem === 'missing' && !toDate
                    ? t('auditExport.missing')
                    : undefined
            }
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('auditExport.format')}
        </Text>
        {exportLog.isError && <ErrorState title={t('auditExport.failed')} />}
        {saved && (
          <Alert color="teal" variant="light" role="status">
            {t('auditExport.saved', { count: saved.count, fileName: saved.fileName })}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={exportLog.isPending} leftSection={<IconDownload size={16} aria-hidden />}>
            {t('auditExport.download')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
