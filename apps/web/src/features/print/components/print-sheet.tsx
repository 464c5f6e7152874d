import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import type { PrintAudience } from '../print-audiences';
import classes from './print-sheet.module.css';

interface PrintSheetProps {
  audience: PrintAudience;
  familyName: string;
  printedBy: string;
  planVersion: number;
  planUpdatedAt: string;
  /** Opens the print dialog once, when the document is complete. */
  ready: boolean;
  /** Shown above the document on screen only, e.g. a way back to the plan. */
  screenOnly?: ReactNode;
  children: ReactNode;
}

/**
 * A printout of the plan: marked confidential with its legal ground at the top and foot of every
 * page (a table's head and foot repeat on each printed page), with who printed it and when.
 */
export function PrintSheet({
  audience,
  familyName,
  printedBy,
  planVersion,
  planUpdatedAt,
  ready,
  screenOnly,
  children,
}: PrintSheetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The moment of printing is when the page was opened; it stays put while the page is open.
  const [printedAt] = useState(() => new Date().toISOString());
  const printed = formatDateTimeParts(printedAt, language);
  const state = formatDateTimeParts(planUpdatedAt, language);
  const opened = useRef(false);
  useEffect(() => {
    if (!ready || opened.current) return;
    opened.current = true;
    window.print();
  }, [ready]);

  const marking = (
    <div className={classes.marking}>
      <strong>{t('versionsAndPrint.print.confidential')}</strong> · {t('versionsAndPrint.print.legalGround')}
    </div>
  );
  const printedLine = t('versionsAndPrint.print.printedAt', { date: printed.date, time: printed.time });
  return (
    <Stack gap="md" className={classes.sheet}>
      <Group className="no-print" justify="space-between">
        {screenOnly}
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('versionsAndPrint.print.printNow')}
        </Button>
      </Group>
      <table className={classes.frame} role="presentation">
        <thead>
          <tr>
            <td>{marking}</td>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td>
              <div className={classes.foot}>
                {marking}
                <span>
                  {familyName} · {printedLine}
                </span>
              </div>
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td>
              <Stack gap="lg">
                <Stack gap={4}>
                  <Title order={1}>{familyName}</Title>
                  <Text fw={600}>
                    {t('plan.pageTitle')} – {t(`versionsAndPrint.print.${audience}`)}
                  </Text>
                  <Text size="sm">{t(`versionsAndPrint.print.audienceNote.${audience}`)}</Text>
                  <Text size="sm">{t('versionsAndPrint.print.planState', { date: state.date, version: planVersion })}</Text>
                  <Text size="sm">
                    {printedLine} · {t('versionsAndPrint.print.printedBy', { name: printedBy })}
                  </Text>
                </Stack>
                {children}
              </Stack>
            </td>
          </tr>
        </tbody>
      </table>
    </Stack>
  );
}
