import { CompositeChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { NativeSelect, Table, Text } from '@mantine/core';
import type { CostForecast, InsightsForecast } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonthYear, localizeText, useLanguage } from '../../../lib/locale';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { fetchAllForecasts, forecastServicePagesQueryOptions } from '../api/insights.query';
import { useLaterPages } from '../hooks/use-later-pages';
import { useFigureFormat } from './figure-format';
import { FigureSection } from '../../../components/figure-section';
import { ShowMorePages } from './show-more-pages';

const TOTAL = 'total';

type ServiceForecast = InsightsForecast['services']['forecasts'][number];

/**
 * Next year's cost from the trend, per service and in all, with its band; the chart draws one line
 * at a time. The first services came with the forecast, more on request; the file holds them all.
 */
export function ForecastSection({ forecast }: { forecast: InsightsForecast }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFigureFormat();
  const [drawn, setDrawn] = useState(TOTAL);
  const services = useLaterPages(
    forecast.services,
    forecastServicePagesQueryOptions(forecast.services.nextCursor),
    (page) => page.forecasts,
  );
  const totalLine = { key: TOTAL, label: t('insights.total'), forecast: forecast.total };
  // Pages only add services at the end, so a drawn line keeps its key.
  const linesOf = (forecasts: readonly ServiceForecast[]) => [
    totalLine,
    ...forecasts.map((service, index) => ({
      key: String(index),
      label: localizeText(service.label, language),
      forecast: service.forecast,
    })),
  ];
  const lines = linesOf(services.items);
  const line = lines.find((each) => each.key === drawn) ?? lines[0]!;
  const notAvailable = (fitted: number) => t('insights.forecast.notAvailable', { count: fitted });
  const header = [
    t('insights.service'),
    t('insights.forecast.fittedMonths'),
    t('insights.forecast.trend'),
    t('insights.forecast.expected', { year: forecast.year }),
    t('insights.forecast.lower'),
    t('insights.forecast.upper'),
  ];
  const figuresOf = (each: Extract<CostForecast, { available: true }>) => [
    each.slopeCentsPerMonth,
    each.year.expectedCents,
    each.year.lowerCents,
    each.year.upperCents,
  ];

  const fileRows = (shown: typeof lines) => [
    header,
    ...shown.map(({ label, forecast: each }) =>
      each.available
        ? [label, each.fittedMonths, ...figuresOf(each).map((cents) => (cents / 100).toFixed(2))]
        : [label, each.fittedMonths, notAvailable(each.fittedMonths), '', '', ''],
    ),
  ];

  const chartData = [
    ...line.forecast.history.map((point) => ({ month: formatMonthYear(point.month, language), cost: point.costCents / 100 })),
    ...(line.forecast.available
      ? line.forecast.months.map((month) => ({
          month: formatMonthYear(month.month, language),
          expected: month.expectedCents / 100,
          band: [month.lowerCents / 100, month.upperCents / 100],
        }))
      : []),
  ];
  const euros = (value: number | number[]) =>
    Array.isArray(value)
      ? t('insights.forecast.range', { lower: format.estimate(value[0]! * 100), upper: format.estimate(value[1]! * 100) })
      : format.estimate(value * 100);

  return (
    <FigureSection
      id="forecast-title"
      title={t('insights.forecast.title', { year: forecast.year })}
      intro={t('insights.forecast.method', {
        from: formatMonthYear(forecast.fittedFrom, language),
        to: formatMonthYear(forecast.fittedTo, language),
        percent: Math.round(forecast.confidence * 100),
      })}
      csv={{
        fileName: `cost-forecast-${forecast.year}.csv`,
        // The file holds every service, not only those read so far.
        rows: services.hasMore ? async () => fileRows(linesOf(await fetchAllForecasts())) : fileRows(lines),
      }}
    >
      <NativeSelect
        label={t('insights.forecast.drawn')}
        maw={360}
        data={lines.map((each) => ({ value: each.key, label: each.label }))}
        value={line.key}
        onChange={(event) => setDrawn(event.currentTarget.value)}
      />
      {line.forecast.available ? (
        <div aria-hidden>
          <CompositeChart
            h={300}
            data={chartData}
            dataKey="month"
            series={[
              { name: 'band', label: t('insights.forecast.bandLegend'), color: 'indigo.2', type: 'area' },
              { name: 'cost', label: t('insights.forecast.actual'), color: 'indigo.7', type: 'line' },
              { name: 'expected', label: t('insights.forecast.expectedLegend'), color: 'orange.7', type: 'line' },
            ]}
            withLegend
            curveType="linear"
            xAxisLabel={t('insights.monthAxis')}
            yAxisLabel={t('insights.costAxis')}
            valueFormatter={euros as (value: number) => string}
            yAxisProps={{ width: 80, tickFormatter: format.axisEuros }}
            areaProps={{ fillOpacity: 0.5, strokeWidth: 0, dot: false, activeDot: false }}
            // Hidden from screen readers with the table beside it, so no keyboard focus either (as FigureChart).
            composedChartProps={{ accessibilityLayer: false }}
          />
        </div>
      ) : (
        <Text size="sm">{notAvailable(line.forecast.fittedMonths)}</Text>
      )}
      <TableScrollContainer label={t('insights.forecast.title', { year: forecast.year })} minWidth={720}>
        <Table striped verticalSpacing="xs" aria-labelledby="forecast-title">
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
            {lines.map(({ key, label, forecast: each }, row) => (
              <Table.Tr key={key} fw={row === 0 ? 700 : undefined}>
                <Table.Th scope="row" fw={600}>
                  {label}
                </Table.Th>
                <Table.Td ta="right">{each.fittedMonths}</Table.Td>
                {each.available ? (
                  figuresOf(each).map((cents, column) => (
                    <Table.Td key={column} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {format.estimate(cents)}
                    </Table.Td>
                  ))
                ) : (
                  <Table.Td colSpan={4} c="dimmed">
                    {notAvailable(each.fittedMonths)}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
      <ShowMorePages
        pages={services}
        shown={t('insights.forecast.pages.shown', { shown: services.items.length, count: services.count })}
        more={t('insights.forecast.pages.more')}
        failed={t('insights.forecast.pages.failed')}
      />
      {line.forecast.available && <MonthsTable label={line.label} forecast={line.forecast} />}
    </FigureSection>
  );
}

/** The chart's figures for the line drawn, month by month: what screen readers and print get instead of the picture. */
function MonthsTable({ label, forecast }: { label: string; forecast: Extract<CostForecast, { available: true }> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFigureFormat();
  const rows = [
    ...forecast.history.map((point) => [formatMonthYear(point.month, language), format.euros(point.costCents), '', '']),
    ...forecast.months.map((month) => [
      formatMonthYear(month.month, language),
      '',
      format.estimate(month.expectedCents),
      t('insights.forecast.range', { lower: format.estimate(month.lowerCents), upper: format.estimate(month.upperCents) }),
    ]),
  ];
  return (
    <details>
      <summary>{t('insights.forecast.monthsOf', { label })}</summary>
      <TableScrollContainer label={t('insights.forecast.monthsOf', { label })} minWidth={560}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              {[
                t('insights.monthAxis'),
                t('insights.forecast.actual'),
                t('insights.forecast.expectedLegend'),
                t('insights.forecast.bandLegend'),
              ].map((heading, index) => (
                <Table.Th key={heading} scope="col" ta={index === 0 ? undefined : 'right'}>
                  {heading}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([month, ...cells]) => (
              <Table.Tr key={month}>
                <Table.Th scope="row" fw={400}>
                  {month}
                </Table.Th>
                {cells.map((cell, index) => (
                  <Table.Td key={index} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
    </details>
  );
}
