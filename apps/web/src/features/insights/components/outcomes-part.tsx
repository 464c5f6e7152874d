import { Card, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { InsightsOutcomes, OutcomeGroup } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { fetchAllOutcomeServices, outcomeServicePagesQueryOptions } from '../api/insights.query';
import { useLaterPages, type LaterPages } from '../hooks/use-later-pages';
import { FigureTableSection } from './figure-table-section';
import { CostPerOutcomeSection, ExperienceSection, GoalSection, useOutcomeValues, WellbeingSections } from './outcome-sections';
import { ShowMorePages } from './show-more-pages';

/** The outcome views: one group's figures year by year, the services side by side, and how they are counted. */
export function OutcomesPart({ outcomes }: { outcomes: InsightsOutcomes }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState(0);
  // The first page of the services came with the outcomes.
  const services = useLaterPages(
    outcomes.services,
    outcomeServicePagesQueryOptions(outcomes.services.nextCursor),
    (page) => page.groups,
  );
  // Pages only add services at the end, so a chosen group keeps its place.
  const groups = [...outcomes.groups, ...services.items];
  const group = groups[chosen];
  const nameOf = (each: OutcomeGroup) => localizeText(each.label, language);
  const sectionProps = group && { group, name: nameOf(group), fileKey: `${group.kind}-${chosen + 1}` };
  const options = (kind: OutcomeGroup['kind']) =>
    groups.flatMap((each, index) => (each.kind === kind ? [{ value: String(index), label: nameOf(each) }] : []));
  return (
    <Stack gap="lg">
      <OutcomeMethod />
      {!sectionProps ? (
        <Text>{t('outcomes.empty')}</Text>
      ) : (
        <>
          <NativeSelect
            label={t('outcomes.group')}
            description={t('outcomes.groupHint')}
            maw={420}
            value={String(chosen)}
            onChange={(event) => setChosen(Number(event.currentTarget.value))}
            data={[
              { group: t('outcomes.municipalities'), items: options('municipality') },
              { group: t('outcomes.programs'), items: options('program') },
              { group: t('outcomes.services'), items: options('service') },
            ].filter((each) => each.items.length > 0)}
          />
          <WellbeingSections {...sectionProps} />
          <GoalSection {...sectionProps} />
          <ExperienceSection {...sectionProps} />
          <CostPerOutcomeSection {...sectionProps} />
          <ServiceComparison years={outcomes.years} services={services} />
        </>
      )}
    </Stack>
  );
}

/** Who counts and how, in words: the same rules the figures are built by. */
function OutcomeMethod() {
  const { t } = useTranslation();
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="outcomes-method-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="outcomes-method-title">
          {t('outcomes.method.title')}
        </Title>
        <List size="sm" spacing={4} maw={860}>
          {(['who', 'baseline', 'goals', 'experience', 'cost', 'suppression', 'cause'] as const).map((key) => (
            <List.Item key={key}>{t(`outcomes.method.${key}`)}</List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

/** The services side by side in one year, or in every year together: those read so far, and its file holds them all. */
function ServiceComparison({ years, services }: { years: readonly number[]; services: LaterPages<OutcomeGroup> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const values = useOutcomeValues();
  const [year, setYear] = useState<string>('all');
  if (services.items.length === 0) return null;
  const rowOf = (group: OutcomeGroup) => {
    const { wellbeing, goals, experience, costPerOutcome } = group.periods.find(
      (period) => String(period.year ?? 'all') === year,
    )!;
    return {
      label: localizeText(group.label, language),
      cells: [
        values.outcome(wellbeing.measured, 'count'),
        values.outcome(wellbeing.improvedShare, 'percent'),
        values.outcome(goals.reached, 'count'),
        values.outcome(goals.attainmentRate, 'percent'),
        values.outcome(experience.recommendScore, 'points'),
        values.cost(costPerOutcome.cost),
        values.outcome(costPerOutcome.costPerGoalReached, 'euros'),
      ],
    };
  };
  return (
    <FigureTableSection
      id="outcomes-services-title"
      title={t('outcomes.perService.title')}
      intro={t('outcomes.perService.intro')}
      rowHeading={t('outcomes.perService.service')}
      columns={[
        t('outcomes.improved.measured'),
        t('outcomes.improved.share'),
        t('outcomes.goals.reached'),
        t('outcomes.goals.rate'),
        t('outcomes.experience.recommendScore'),
        t('outcomes.perService.cost'),
        t('outcomes.cost.perGoal'),
      ]}
      rows={services.items.map(rowOf)}
      fileName={`outcomes-by-service-${year}.csv`}
      // The file holds every service, not only those read so far.
      allRows={services.hasMore ? async () => (await fetchAllOutcomeServices()).map(rowOf) : undefined}
      controls={
        <NativeSelect
          label={t('outcomes.year')}
          maw={200}
          value={year}
          onChange={(event) => setYear(event.currentTarget.value)}
          data={[
            { value: 'all', label: t('outcomes.allYears') },
            ...[...years].reverse().map((each) => ({ value: String(each), label: String(each) })),
          ]}
        />
      }
      footer={
        <ShowMorePages
          pages={services}
          shown={t('outcomes.servicePages.shown', { shown: services.items.length, count: services.count })}
          more={t('outcomes.servicePages.more')}
          failed={t('outcomes.servicePages.failed')}
        />
      }
    />
  );
}
