import { Badge } from '@mantine/core';
import type { Ending } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { formatDate, useLanguage } from '../lib/locale';

const colors: Record<Ending, string> = {
  reached: 'teal',
  partly_reached: 'blue',
  not_reached: 'orange',
  dropped: 'gray',
};

/** How and when something in the plan ended, e.g. "Saavutettu 4.5.2026". */
export function EndingBadge({ ending, endedOn }: { ending: Ending; endedOn: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Badge variant="light" color={colors[ending]} tt="none" size="md" style={{ flexShrink: 0 }}>
      {endedOn ? t('ending.on', { ending: t(`ending.${ending}`), date: formatDate(endedOn, language) }) : t(`ending.${ending}`)}
    </Badge>
  );
}
