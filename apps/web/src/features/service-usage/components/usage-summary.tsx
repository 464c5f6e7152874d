import { List, Stack, Text, Title } from '@mantine/core';
import type { FamilyUsageSummary } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatMonthYear, localizeText, useLanguage } from '../../../lib/locale';
import { unitAmount } from './unit-amount';

/** For the family: which services it has received and how much, month by month, in plain words and without prices. */
export function UsageSummary({ summary }: { summary: FamilyUsageSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (summary.services.length === 0) return <Text>{t('usage.summary.empty')}</Text>;
  return (
    <Stack gap="md">
      {summary.services.map(({ service, months }) => (
        <section key={service.id} aria-labelledby={`summary-${service.id}`}>
          <Title order={2} size="h4" id={`summary-${service.id}`}>
            {localizeText(service.name, language)}
          </Title>
          <List>
            {months.map((month) => (
              <List.Item key={month.month}>
                {t('usage.summary.line', {
                  month: formatMonthYear(month.month, language),
                  amount: unitAmount(t, month.units, service.unit, language),
                })}
              </List.Item>
            ))}
          </List>
        </section>
      ))}
    </Stack>
  );
}
