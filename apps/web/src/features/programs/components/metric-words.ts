import type { CatalogueService, NewProgramMetric, ProgramMetricDefinition } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatEuros, formatPercent, localizeText, useLanguage } from '../../../lib/locale';

/** The catalogue entries a definition may name; only their ids and names are needed. */
export type ServiceNames = readonly Pick<CatalogueService, 'id' | 'name'>[];

/** How a metric is computed, its baseline, target and payment, in the reader's words. */
export function useMetricWords(services: ServiceNames) {
  const { t } = useTranslation();
  const language = useLanguage();
  const serviceName = (id: string) => {
    const service = services.find((entry) => entry.id === id);
    return service ? localizeText(service.name, language) : t('programs.metric.unknownService');
  };
  const definition = (definition: ProgramMetricDefinition) => {
    if (definition.kind === 'lives_at_home')
      return t('programs.metric.definition.lives_at_home', {
        count: definition.months,
        services: definition.placementServiceIds.map(serviceName).join(', '),
      });
    if (definition.kind === 'wellbeing_improved')
      return t('programs.metric.definition.wellbeing_improved', {
        count: definition.months,
        steps: definition.steps,
        domains: definition.domains,
      });
    return t('programs.metric.definition.goal_reached', { count: definition.months });
  };
  return {
    kind: (metric: Pick<NewProgramMetric, 'definition'>) => t(`programs.kind.${metric.definition.kind}`),
    definition: (metric: Pick<NewProgramMetric, 'definition'>) => definition(metric.definition),
    terms: (metric: NewProgramMetric) =>
      t('programs.metric.terms', {
        baseline: formatPercent(metric.baselineRate, language),
        target: formatPercent(metric.targetRate, language),
        payment: formatEuros(metric.paymentCents, language),
      }),
  };
}
