import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from './locale';

/** When a service role runs, in words ("1.2.2026 – 30.6.2026", "alkaen …", "… asti"), or null when it has no dates. */
export function useServiceRolePeriod(role: { startsOn: string | null; endsOn: string | null }): string | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const from = role.startsOn && formatDate(role.startsOn, language);
  const to = role.endsOn && formatDate(role.endsOn, language);
  if (from && to) return t('plan.roleFromTo', { from, to });
  if (from) return t('plan.roleFrom', { from });
  if (to) return t('plan.roleUntil', { to });
  return null;
}
