import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { FigureSection } from '../../../components/figure-section';

/** One figure as the table shows it and the CSV file holds it; a hidden one reads "fewer than 5" in both. */
export interface FigureValue {
  text: string;
  csv: string | number;
  hidden: boolean;
}

interface FigureTableSectionProps {
  id: string;
  title: string;
  intro: string;
  /** What a row is (a year, a domain, a service), and the figures' names. */
  rowHeading: string;
  columns: string[];
  /** A row marked `total` (every year together) is set in bold. */
  rows: { label: string; cells: FigureValue[]; total?: boolean }[];
  fileName: string;
  /** The rows of the file when the table shows only some of them (a list read a page at a time). */
  allRows?: () => Promise<{ label: string; cells: FigureValue[] }[]>;
  controls?: ReactNode;
  chart?: ReactNode;
  /** Below the table: e.g. how many rows there are and a way to show more. */
  footer?: ReactNode;
}

/** A titled table of figures with its chart and CSV file: the same figures in all three. */
export function FigureTableSection({
  id,
  title,
  intro,
  rowHeading,
  columns,
  rows,
  fileName,
  allRows,
  controls,
  chart,
  footer,
}: FigureTableSectionProps) {
  const header = [rowHeading, ...columns];
  const fileRows = (shown: { label: string; cells: FigureValue[] }[]) => [
    header,
    ...shown.map((row) => [row.label, ...row.cells.map((cell) => cell.csv)]),
  ];
  return (
    <FigureSection
      id={id}
      title={title}
      intro={intro}
      controls={controls}
      chart={chart}
      csv={{ fileName, rows: allRows ? async () => fileRows(await allRows()) : fileRows(rows) }}
    >
      <TableScrollContainer label={title} minWidth={Math.max(560, 120 * header.length)}>
        <Table striped verticalSpacing="xs" aria-labelledby={id}>
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
            {rows.map((row) => (
              <Table.Tr key={row.label} fw={row.total ? 700 : undefined}>
                <Table.Th scope="row" fw={600}>
                  {row.label}
                </Table.Th>
                {row.cells.map((cell, column) => (
                  <Table.Td key={column} ta="right" c={cell.hidden ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {cell.text}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
      {footer}
    </FigureSection>
  );
}
