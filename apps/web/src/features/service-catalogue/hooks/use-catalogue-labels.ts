import { useTranslation } from 'react-i18next';

/** Codes the catalogue uses today; an entry may carry another, shown as it is. */
export const knownCategories = ['health', 'education', 'social', 'child-protection', 'ngo'] as const;
export const knownUnits = ['visit', 'hour', 'day', 'meeting', 'session', 'month'] as const;

/** Category and unit codes in the user's language. */
export function useCatalogueLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: 'categories' | 'units', code: string) =>
    i18n.exists(`catalogue.${group}.${code}`) ? t(`catalogue.${group}.${code}`) : code;
  return {
    category: (code: string) => label('categories', code),
    unit: (code: string) => label('units', code),
  };
}
