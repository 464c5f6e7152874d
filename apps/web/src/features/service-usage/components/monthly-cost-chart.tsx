import { Box } from '@mantine/core';
import type { MonthlyCost } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatEuros, formatMonthYear, useLanguage } from '../../../lib/locale';

const BAR_WIDTH = 28;
const GAP = 12;
const HEIGHT = 140;

/**
 * The month totals as bars, for a glance; the table beside it carries the same figures for
 * screen readers and print, so the picture itself is hidden from them.
 */
export function MonthlyCostChart({ months }: { months: readonly MonthlyCost[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const highest = Math.max(1, ...months.map((month) => month.costCents));
  const width = months.length * (BAR_WIDTH + GAP) + GAP;
  return (
    <Box className="no-print" style={{ overflowX: 'auto' }} aria-hidden>
      <svg width={width} height={HEIGHT + 24} role="presentation">
        {months.map((month, index) => {
          const barHeight = Math.round((month.costCents / highest) * HEIGHT);
          const x = GAP + index * (BAR_WIDTH + GAP);
          return (
            <g key={month.month}>
              <title>
                {t('costs.chartBar', {
                  month: formatMonthYear(month.month, language),
                  cost: formatEuros(month.costCents, language),
                })}
              </title>
              <rect
                x={x}
                y={HEIGHT - barHeight}
                width={BAR_WIDTH}
                height={barHeight}
                rx={3}
                fill="var(--mantine-color-indigo-6)"
              />
              <text x={x + BAR_WIDTH / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                {month.month.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
