import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import type { FamilyCosts } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { formatDate, formatEuros, formatMonthYear, localizeText, useLanguage } from '../../../lib/locale';
import { MonthlyCostChart } from './monthly-cost-chart';

/**
 * What the family's services cost, month by month since the case opened: per service, the
 * month's total, the running total and how many services ran. A table, readable by every
 * screen reader and printable; a month without usage shows a dash.
 */
export function FamilyCostsTable({ costs }: { costs: FamilyCosts }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const euros = (cents: number) => formatEuros(cents, language);
  return (
    <Stack gap="md">
      <Text>
        {t(costs.scope === 'family' ? 'costs.totalFamily' : 'costs.totalOwn', {
          total: euros(costs.totalCents),
          date: formatDate(costs.openedOn, language),
        })}
      </Text>
      <MonthlyCostChart months={costs.months} />
      <TableScrollContainer label={t('costs.tableLabel')} minWidth={480 + costs.services.length * 120}>
        <Table striped verticalSpacing="xs" aria-label={t('costs.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('costs.month')}</Table.Th>
              {costs.services.map((service) => (
                <Table.Th key={service.id} scope="col" ta="right">
                  {localizeText(service.name, language)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('costs.monthTotal')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('costs.cumulative')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('costs.serviceCount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.months.map((month) => (
              <Table.Tr key={month.month}>
                <Table.Th scope="row" fw={500}>
                  {formatMonthYear(month.month, language)}
                </Table.Th>
                {costs.services.map((service) => {
                  const cost = month.services.find((entry) => entry.serviceId === service.id);
                  return (
                    <Table.Td key={service.id} ta="right">
                      {cost ? euros(cost.costCents) : '–'}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right">{euros(month.costCents)}</Table.Td>
                <Table.Td ta="right">{euros(month.cumulativeCents)}</Table.Td>
                <Table.Td ta="right">{month.serviceCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
      <ReferenceCosts costs={costs} />
    </Stack>
  );
}

/** The heavy services' yearly costs beside the family's: a reference, never a forecast for this family. */
function ReferenceCosts({ costs }: { costs: FamilyCosts }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (costs.referenceCosts.length === 0) return null;
  return (
    <Alert
      variant="light"
      color="gray"
      title={
        <Title order={3} size="h5">
          {t('costs.reference.title')}
        </Title>
      }
    >
      <Text size="sm" mb="xs">
        {t('costs.reference.intro')}
      </Text>
      <List size="sm">
        {costs.referenceCosts.map((reference) => (
          <List.Item key={reference.kind}>
            {t('costs.reference.line', {
              kind: t(`referenceCosts.kind.${reference.kind}`),
              cost: formatEuros(reference.yearlyCostCents, language),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
