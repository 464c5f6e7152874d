import { Table } from '@mantine/core';
import type { Distribution } from '@yhdessa/shared';
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
}: DistributionSectionProps) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  const families = t('insights.families');
  const lines = [
    ...distribution.buckets.map((bucket) => ({ label: bucketLabel(bucket.label), cell: bucket.families })),
    { label: t('insights.total'), cell: distribution.total },
  ];
  return (
    <FigureSection
      id={id}
      title={title}
      intro={intro}
      csv={{ fileName, rows: [[bucketHeading, families], ...lines.map((line) => [line.label, format.countForCsv(line.cell)])] }}
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
    </FigureSection>
  );
}
