import { assessmentDomains, type CostCell, type OutcomeCell, type OutcomeGroup, type OutcomePeriod } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { FigureChart } from '../../../components/figure-section';
import { useFigureFormat, type OutcomeKind } from './figure-format';
import { FigureTableSection, type FigureValue } from './figure-table-section';

/** Figures of an outcome cell or a cost cell, as tables, files and charts take them. */
export function useOutcomeValues() {
  const format = useFigureFormat();
  return {
    outcome: (cell: OutcomeCell, kind: OutcomeKind): FigureValue => ({
      text: format.outcome(cell, kind),
      csv: format.outcomeForCsv(cell, kind),
      hidden: cell.suppressed,
    }),
    cost: (cell: CostCell): FigureValue => ({ text: format.cost(cell), csv: format.costForCsv(cell), hidden: cell.suppressed }),
    chart: format.outcomeForChart,
    format,
  };
}

/** The rows of a group's table: each year, then every year together (in bold). */
function usePeriodRows(group: OutcomeGroup, cells: (period: OutcomePeriod) => FigureValue[]) {
  const { t } = useTranslation();
  return group.periods.map((period) => ({
    label: period.year === null ? t('outcomes.allYears') : String(period.year),
    cells: cells(period),
    total: period.year === null,
  }));
}

/** A chart's legend in the order of its series: recharts would sort it by the series' keys. */
const inSeriesOrder = (series: readonly { name: string }[]) => ({
  itemSorter: (item: { dataKey?: unknown }) => series.findIndex((each) => each.name === item.dataKey),
});

const years = (group: OutcomeGroup) => group.periods.filter((period) => period.year !== null);
const anyShown = (cells: OutcomeCell[]) => cells.some((cell) => !cell.suppressed && cell.value !== null && cell.value !== 0);

interface GroupSectionProps {
  group: OutcomeGroup;
  /** The group's name, as the titles say it. */
  name: string;
  /** A file-name-safe key of the group. */
  fileKey: string;
}

/** Mean change from the baseline per domain, by year; and the families measured twice and improved. */
export function WellbeingSections({ group, name, fileKey }: GroupSectionProps) {
  const { t } = useTranslation();
  const values = useOutcomeValues();
  const all = group.periods.at(-1)!;
  const domainLabel = (domain: string) => t(`assessment.domain.${domain}`);
  const domainRows = assessmentDomains.map((domain, index) => ({
    label: domainLabel(domain),
    cells: group.periods.map((period) => values.outcome(period.wellbeing.domains[index]!.meanChange, 'change')),
  }));
  const shareRows = usePeriodRows(group, ({ wellbeing }) => [
    values.outcome(wellbeing.measured, 'count'),
    values.outcome(wellbeing.improved, 'count'),
    values.outcome(wellbeing.improvedShare, 'percent'),
  ]);
  const periodLabels = group.periods.map((period) => (period.year === null ? t('outcomes.allYears') : String(period.year)));
  const changes = all.wellbeing.domains.map((domain) => domain.meanChange);
  return (
    <>
      <FigureTableSection
        id="outcomes-wellbeing-title"
        title={t('outcomes.wellbeing.title', { group: name })}
        intro={t('outcomes.wellbeing.intro')}
        rowHeading={t('outcomes.wellbeing.domain')}
        columns={periodLabels}
        rows={domainRows}
        fileName={`wellbeing-change-${fileKey}.csv`}
        chart={
          anyShown(changes) && (
            <FigureChart
              h={300}
              data={all.wellbeing.domains.map((domain) => ({
                domain: domainLabel(domain.domain),
                change: values.chart(domain.meanChange),
              }))}
              dataKey="domain"
              orientation="vertical"
              series={[{ name: 'change', label: t('outcomes.wellbeing.meanChange'), color: 'teal.6' }]}
              yAxisProps={{ width: 200 }}
              xAxisLabel={t('outcomes.wellbeing.meanChangeAxis')}
              valueFormatter={(value) => values.format.outcome({ suppressed: false, value, families: 0 }, 'change')}
            />
          )
        }
      />
      <FigureTableSection
        id="outcomes-improved-title"
        title={t('outcomes.improved.title', { group: name })}
        intro={t('outcomes.improved.intro')}
        rowHeading={t('outcomes.year')}
        columns={[t('outcomes.improved.measured'), t('outcomes.improved.improved'), t('outcomes.improved.share')]}
        rows={shareRows}
        fileName={`wellbeing-improved-${fileKey}.csv`}
        chart={
          anyShown(years(group).map((period) => period.wellbeing.improvedShare)) && (
            <FigureChart
              h={220}
              data={years(group).map((period) => ({
                year: String(period.year),
                share: values.chart(period.wellbeing.improvedShare),
              }))}
              dataKey="year"
              series={[{ name: 'share', label: t('outcomes.improved.share'), color: 'teal.6' }]}
              xAxisLabel={t('outcomes.year')}
              yAxisProps={{ domain: [0, 100] }}
              unit=" %"
            />
          )
        }
      />
    </>
  );
}

const endingSeries = [
  { name: 'reached', color: 'teal.6' },
  { name: 'partlyReached', color: 'yellow.5' },
  { name: 'notReached', color: 'orange.7' },
  { name: 'dropped', color: 'gray.5' },
] as const;

/** Goals ended each year by their ending, stacked, with the attainment rate and the mean attained level. */
export function GoalSection({ group, name, fileKey }: GroupSectionProps) {
  const { t } = useTranslation();
  const values = useOutcomeValues();
  const rows = usePeriodRows(group, ({ goals }) => [
    ...endingSeries.map((series) => values.outcome(goals[series.name], 'count')),
    values.outcome(goals.ended, 'count'),
    values.outcome(goals.attainmentRate, 'percent'),
    values.outcome(goals.meanAttainedLevel, 'change'),
  ]);
  return (
    <FigureTableSection
      id="outcomes-goals-title"
      title={t('outcomes.goals.title', { group: name })}
      intro={t('outcomes.goals.intro')}
      rowHeading={t('outcomes.year')}
      columns={[
        ...endingSeries.map((series) => t(`outcomes.goals.${series.name}`)),
        t('outcomes.goals.ended'),
        t('outcomes.goals.rate'),
        t('outcomes.goals.level'),
      ]}
      rows={rows}
      fileName={`goal-attainment-${fileKey}.csv`}
      chart={
        anyShown(years(group).map((period) => period.goals.ended)) && (
          <FigureChart
            h={260}
            type="stacked"
            data={years(group).map((period) => ({
              year: String(period.year),
              ...Object.fromEntries(endingSeries.map((series) => [series.name, values.chart(period.goals[series.name])])),
            }))}
            dataKey="year"
            series={endingSeries.map((series) => ({ ...series, label: t(`outcomes.goals.${series.name}`) }))}
            xAxisLabel={t('outcomes.year')}
            yAxisLabel={t('outcomes.goals.axis')}
            yAxisProps={{ allowDecimals: false }}
            withLegend
            legendProps={inSeriesOrder(endingSeries)}
          />
        )
      }
    />
  );
}

const questions = [
  { name: 'workedTogether', color: 'indigo.6' },
  { name: 'noRetelling', color: 'teal.6' },
  { name: 'wouldRecommend', color: 'grape.6' },
] as const;

/** The mean of each experience question by year, and the recommend score. */
export function ExperienceSection({ group, name, fileKey }: GroupSectionProps) {
  const { t } = useTranslation();
  const values = useOutcomeValues();
  const rows = usePeriodRows(group, ({ experience }) => [
    values.outcome(experience.answers, 'count'),
    ...questions.map((question) => values.outcome(experience[question.name], 'mean')),
    values.outcome(experience.recommendScore, 'points'),
  ]);
  return (
    <FigureTableSection
      id="outcomes-experience-title"
      title={t('outcomes.experience.title', { group: name })}
      intro={t('outcomes.experience.intro')}
      rowHeading={t('outcomes.year')}
      columns={[
        t('outcomes.experience.answers'),
        ...questions.map((question) => t(`outcomes.experience.${question.name}`)),
        t('outcomes.experience.recommendScore'),
      ]}
      rows={rows}
      fileName={`experience-${fileKey}.csv`}
      chart={
        anyShown(years(group).map((period) => period.experience.answers)) && (
          <FigureChart
            h={240}
            data={years(group).map((period) => ({
              year: String(period.year),
              ...Object.fromEntries(questions.map((question) => [question.name, values.chart(period.experience[question.name])])),
            }))}
            dataKey="year"
            series={questions.map((question) => ({ ...question, label: t(`outcomes.experience.${question.name}`) }))}
            xAxisLabel={t('outcomes.year')}
            yAxisLabel={t('outcomes.experience.axis')}
            yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] }}
            withLegend
            legendProps={inSeriesOrder(questions)}
          />
        )
      }
    />
  );
}

/** What the group's services cost each year, divided by the goals reached and by the families improved. */
export function CostPerOutcomeSection({ group, name, fileKey }: GroupSectionProps) {
  const { t } = useTranslation();
  const values = useOutcomeValues();
  const rows = usePeriodRows(group, ({ costPerOutcome, goals, wellbeing }) => [
    values.cost(costPerOutcome.cost),
    values.outcome(goals.reached, 'count'),
    values.outcome(costPerOutcome.costPerGoalReached, 'euros'),
    values.outcome(wellbeing.improved, 'count'),
    values.outcome(costPerOutcome.costPerFamilyImproved, 'euros'),
  ]);
  return (
    <FigureTableSection
      id="outcomes-cost-title"
      title={t('outcomes.cost.title', { group: name })}
      intro={t(`outcomes.cost.intro.${group.kind}`)}
      rowHeading={t('outcomes.year')}
      columns={[
        t('outcomes.cost.cost'),
        t('outcomes.cost.goalsReached'),
        t('outcomes.cost.perGoal'),
        t('outcomes.cost.familiesImproved'),
        t('outcomes.cost.perFamily'),
      ]}
      rows={rows}
      fileName={`cost-per-outcome-${fileKey}.csv`}
    />
  );
}
