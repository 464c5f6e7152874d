import { Table } from '@mantine/core';
import type { Distribution } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureChart, FigureSection } from '../../../components/figure-section';
import { useFigureFormat } from './figure-format';

interface DistributionSectionProps {
  id: string;
  title: string;
  intro: string;
  distribution: Distribution;
  /** What a bucket is, as the table's first column and the chart's horizontal axis say. */
  bucketHeading: string;
  bucketLabel: (label: string) => string;
  fileName: string;
  /** The total row's label, when the total is of more than the buckets shown. */
  totalLabel?: string;
  /** The buckets of the file when the table shows only some of them (a list read a page at a time). */
  allBuckets?: () => Promise<Distribution['buckets']>;
  /** Below the table: e.g. how many buckets there are and a way to show more. */
  footer?: ReactNode;
}

/** Families by a count: a bar per bucket, and the table with the total. */
export function DistributionSection({
  id,
  title,
  intro,
  distribution,
  bucketHeading,
  bucketLabel,
  fileName,
  totalLabel,
  allBuckets,
  footer,
}: DistributionSectionProps) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const families = t('insights.families');
  const linesOf = (buckets: Distribution['buckets']) => [
    ...buckets.map((bucket) => ({ label: bucketLabel(bucket.label), cell: bucket.families })),
    { label: totalLabel ?? t('insights.total'), cell: distribution.total },
  ];
  const lines = linesOf(distribution.buckets);
  const fileRows = (shown: typeof lines) => [
    [bucketHeading, families],
    ...shown.map((line) => [line.label, format.countForCsv(line.cell)]),
  ];
  return (
    <FigureSection
      id={id}
      title={title}
      intro={intro}
      csv={{ fileName, rows: allBuckets ? async () => fileRows(linesOf(await allBuckets())) : fileRows(lines) }}
      chart={
        // With every bucket hidden or empty, a chart would draw nothing.
        distribution.buckets.some((bucket) => !bucket.families.suppressed && bucket.families.families > 0) && (
          <FigureChart
            h={220}
            data={distribution.buckets.map((bucket) => ({
              bucket: bucketLabel(bucket.label),
              families: format.countForChart(bucket.families),
            }))}
            dataKey="bucket"
            series={[{ name: 'families', label: families, color: 'teal.6' }]}
            xAxisLabel={bucketHeading}
            yAxisLabel={families}
            yAxisProps={{ allowDecimals: false }}
          />
        )
      }
    >
      <Table striped verticalSpacing="xs" maw={480} aria-labelledby={id}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{bucketHeading}</Table.Th>
            <Table.Th scope="col" ta="right">
              {families}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            <Table.Tr key={line.label} fw={index === lines.length - 1 ? 700 : undefined}>
              <Table.Th scope="row" fw={600}>
                {line.label}
              </Table.Th>
              <Table.Td ta="right" c={line.cell.suppressed ? 'dimmed' : undefined}>
                {format.count(line.cell)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {footer}
    </FigureSection>
  );
}
