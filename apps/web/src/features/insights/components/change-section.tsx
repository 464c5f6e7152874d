import { Group, List, NativeSelect, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type {
  ChangeComparison,
  ChangeFigures,
  CostCell,
  DifferenceCell,
  InsightsChange,
  InsightsChangeRequest,
} from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { FigureChart, FigureSection } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';

interface ChangeSectionProps {
  change: InsightsChange;
  onAsk: (request: InsightsChangeRequest) => void;
  /** The demo's prices rise 3 % a year, and the method says so there. */
  demo: boolean;
}

const ID = 'change-title';

/** The same cost figures before and after, side by side with the change, and how they were computed. */
export function ChangeSection({ change, onAsk, demo }: ChangeSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFigureFormat();
  const { comparison } = change;
  const title = t('insights.change.title');
  if (!comparison)
    return (
      <FigureSection
        id={ID}
        title={title}
        intro={t('insights.change.intro')}
        controls={<ChangeChoice change={change} onAsk={onAsk} />}
      >
        <Text size="sm">{t('insights.change.notEnough')}</Text>
      </FigureSection>
    );

  const [before, after] =
    comparison.mode === 'years'
      ? [String(comparison.before), String(comparison.after)]
      : [t('insights.change.firstYear'), t('insights.change.secondYear')];
  const cost = (heading: string, cellOf: (figures: ChangeFigures) => CostCell) => ({
    heading,
    hidden: (figures: ChangeFigures) => cellOf(figures).suppressed,
    shown: (figures: ChangeFigures) => format.cost(cellOf(figures)),
    csv: (figures: ChangeFigures) => format.costForCsv(cellOf(figures)),
  });
  const families = (heading: string, cellOf: (figures: ChangeFigures) => CostCell) => ({
    ...cost(heading, cellOf),
    shown: (figures: ChangeFigures) => format.count(cellOf(figures)),
    csv: (figures: ChangeFigures) => format.countForCsv(cellOf(figures)),
  });
  const changeOf = (cellOf: (figures: ChangeFigures) => DifferenceCell, euros: string, percent: string) => [
    {
      heading: euros,
      hidden: (figures: ChangeFigures) => cellOf(figures).suppressed,
      shown: (figures: ChangeFigures) => format.changeEuros(cellOf(figures)),
      csv: (figures: ChangeFigures) => format.changeEurosForCsv(cellOf(figures)),
    },
    {
      heading: percent,
      hidden: (figures: ChangeFigures) => cellOf(figures).suppressed,
      shown: (figures: ChangeFigures) => format.changePercent(cellOf(figures)),
      csv: (figures: ChangeFigures) => format.changePercentForCsv(cellOf(figures)),
    },
  ];
  const columns = [
    cost(t('insights.change.cost', { period: before }), (figures) => figures.before),
    cost(t('insights.change.cost', { period: after }), (figures) => figures.after),
    ...changeOf((figures) => figures.difference, t('insights.change.changeEuros'), t('insights.change.changePercent')),
    families(t('insights.change.families', { period: before }), (figures) => figures.before),
    families(t('insights.change.families', { period: after }), (figures) => figures.after),
    cost(t('insights.change.perFamily', { period: before }), (figures) => figures.perFamilyBefore),
    cost(t('insights.change.perFamily', { period: after }), (figures) => figures.perFamilyAfter),
    ...changeOf(
      (figures) => figures.perFamilyDifference,
      t('insights.change.perFamilyChangeEuros'),
      t('insights.change.perFamilyChangePercent'),
    ),
  ];
  const header = [t('insights.service'), ...columns.map((column) => column.heading)];
  const lines = [
    ...comparison.rows.map((row) => ({ label: localizeText(row.label, language), figures: row })),
    { label: t('insights.total'), figures: comparison.total },
  ];
  const chartData = comparison.rows.map((row) => ({
    service: localizeText(row.label, language),
    before: format.costForChart(row.before),
    after: format.costForChart(row.after),
  }));

  return (
    <FigureSection
      id={ID}
      title={title}
      intro={t('insights.change.intro')}
      controls={
        <>
          <ChangeChoice change={change} onAsk={onAsk} />
          {comparison.mode === 'case-years' && (
            <Text size="sm" fw={600}>
              {t('insights.change.cohort', { opened: comparison.opened, families: format.count(comparison.cohort) })}
            </Text>
          )}
        </>
      }
      csv={{
        fileName:
          comparison.mode === 'years'
            ? `change-${comparison.before}-${comparison.after}.csv`
            : `change-cases-opened-${comparison.opened}.csv`,
        rows: [header, ...lines.map((line) => [line.label, ...columns.map((column) => column.csv(line.figures))])],
      }}
      chart={
        // With every service's figures hidden or empty, a chart would draw nothing.
        chartData.some((data) => (data.before ?? 0) > 0 || (data.after ?? 0) > 0) && (
          <FigureChart
            h={80 + 48 * chartData.length}
            data={chartData}
            dataKey="service"
            orientation="vertical"
            withLegend
            // In the order of the series, before first; the chart library would sort them by name.
            legendProps={{ itemSorter: null }}
            series={[
              { name: 'before', label: before, color: 'gray.5' },
              { name: 'after', label: after, color: 'indigo.6' },
            ]}
            xAxisLabel={t('insights.costAxis')}
            yAxisLabel={t('insights.service')}
            valueFormatter={(euros) => format.euros(Math.round(euros * 100))}
            xAxisProps={{ tickFormatter: format.axisEuros }}
            yAxisProps={{ width: 200 }}
          />
        )
      }
    >
      <TableScrollContainer label={title} minWidth={1200}>
        <Table striped verticalSpacing="xs" aria-labelledby={ID}>
          <Table.Thead>
            <Table.Tr>
              {header.map((label, index) => (
                <Table.Th key={label} scope="col" ta={index === 0 ? undefined : 'right'}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={line.label} fw={index === lines.length - 1 ? 700 : undefined}>
                <Table.Th scope="row" fw={600}>
                  {line.label}
                </Table.Th>
                {columns.map((column) => (
                  <Table.Td
                    key={column.heading}
                    ta="right"
                    c={column.hidden(line.figures) ? 'dimmed' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {column.shown(line.figures)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
      <ChangeMethod comparison={comparison} demo={demo} />
    </FigureSection>
  );
}

/** Calendar years or case years, and which ones: only what the server lists can be chosen. */
function ChangeChoice({ change, onAsk }: Pick<ChangeSectionProps, 'change' | 'onAsk'>) {
  const { t } = useTranslation();
  const { comparison, years, cohorts } = change;
  const latestCohort = cohorts.at(-1);
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          aria-label={t('insights.change.mode')}
          value={comparison?.mode ?? 'years'}
          // Back to calendar years, the server's default pair.
          onChange={(mode) => onAsk(mode === 'case-years' && latestCohort ? { mode: 'case-years', opened: latestCohort } : null)}
          data={[
            { value: 'years', label: t('insights.change.years') },
            { value: 'case-years', label: t('insights.change.caseYears'), disabled: latestCohort === undefined },
          ]}
        />
        {comparison?.mode === 'years' && (
          <>
            <NativeSelect
              label={t('insights.change.before')}
              data={years.slice(0, -1).map(String)}
              value={String(comparison.before)}
              onChange={(event) => {
                const before = Number(event.currentTarget.value);
                const after = comparison.after > before ? comparison.after : years.find((year) => year > before)!;
                onAsk({ mode: 'years', before, after });
              }}
            />
            <NativeSelect
              label={t('insights.change.after')}
              data={years.filter((year) => year > comparison.before).map(String)}
              value={String(comparison.after)}
              onChange={(event) => onAsk({ mode: 'years', before: comparison.before, after: Number(event.currentTarget.value) })}
            />
          </>
        )}
        {comparison?.mode === 'case-years' && (
          <NativeSelect
            label={t('insights.change.opened')}
            data={cohorts.map(String)}
            value={String(comparison.opened)}
            onChange={(event) => onAsk({ mode: 'case-years', opened: Number(event.currentTarget.value) })}
          />
        )}
      </Group>
      {latestCohort === undefined && (
        <Text size="xs" c="dimmed">
          {t('insights.change.noCohorts')}
        </Text>
      )}
    </Stack>
  );
}

/** What was compared and how, in plain words: the figures mean little without it. */
function ChangeMethod({ comparison, demo }: { comparison: ChangeComparison; demo: boolean }) {
  const { t } = useTranslation();
  const points =
    comparison.mode === 'years'
      ? [
          t('insights.change.method.years', { before: comparison.before, after: comparison.after }),
          t('insights.change.method.yearsPerFamily'),
        ]
      : [
          t('insights.change.method.caseYears', { opened: comparison.opened }),
          t('insights.change.method.caseYearsWho'),
          t('insights.change.method.caseYearsComplete'),
        ];
  points.push(
    t('insights.change.method.prices') + (demo ? ` ${t('insights.change.method.demoPrices')}` : ''),
    t('insights.change.method.small'),
    t('insights.change.method.cause'),
  );
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('insights.change.method.title')}
      </Title>
      <List size="sm" spacing={4} maw={820}>
        {points.map((point) => (
          <List.Item key={point}>{point}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
