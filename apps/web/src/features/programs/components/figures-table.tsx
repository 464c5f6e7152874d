import { Table } from '@mantine/core';
import type { OutcomeFigures, ProgramMetric } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { TableScrollContainer } from '../../../components/table-scroll-container';
import { targetState, useReportFormat } from './report-format';
import type { Trace } from './trace';
import { TraceLink } from './trace-link';

export interface FiguresLine {
  key: string;
  label: string;
  figures: OutcomeFigures;
  /** The metric whose baseline and target the line is held to; none for a total over metrics. */
  metric?: ProgramMetric;
  /** The rows of the line: its metric and payer, if it has one. */
  trace: Omit<Trace, 'status'>;
  /** The line names what its counts are of, for the links' names. */
  traceOf: string;
  total?: boolean;
}

interface FiguresTableProps {
  caption: string;
  rowHeading: string;
  lines: FiguresLine[];
}

/** Reached and missed (each opening its rows), the share against baseline and target, and the payment due. */
export function FiguresTable({ caption, rowHeading, lines }: FiguresTableProps) {
  const { t } = useTranslation();
  const format = useReportFormat();
  const columns = [
    rowHeading,
    t('programs.report.reached'),
    t('programs.report.missed'),
    t('programs.report.rate'),
    t('programs.report.againstBaseline'),
    t('programs.report.targetMet'),
    t('programs.report.paymentDue'),
  ];
  return (
    <TableScrollContainer label={caption} minWidth={760}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="left" fw={600} c="dark">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={column} scope="col" ta={index === 0 ? undefined : 'right'}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.key} fw={line.total ? 700 : undefined}>
              <Table.Th scope="row" fw={600}>
                {line.label}
              </Table.Th>
              {(['reached', 'missed'] as const).map((status) => (
                <Table.Td key={status} ta="right">
                  <TraceLink
                    trace={{ ...line.trace, status }}
                    description={t(`programs.report.trace.${status}`, { of: line.traceOf })}
                  >
                    {format.count(line.figures[status])}
                  </TraceLink>
                </Table.Td>
              ))}
              <Table.Td ta="right">{format.rate(line.figures.rate)}</Table.Td>
              <Table.Td ta="right">{line.metric ? format.againstBaseline(line.figures, line.metric) : '–'}</Table.Td>
              <Table.Td ta="right">{line.metric ? format.target(targetState(line.figures, line.metric)) : '–'}</Table.Td>
              <Table.Td ta="right">{format.euros(line.figures.paymentDueCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollContainer>
  );
}
