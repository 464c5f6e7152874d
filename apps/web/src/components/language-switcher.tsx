import { Button, Group, VisuallyHidden } from '@mantine/core';
import { languages } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../lib/locale';

/** FI / SV / EN; each language names itself in its own language for screen readers. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = useLanguage();
  return (
    <Group gap={4} role="group" aria-label={t('language.label')} wrap="nowrap">
      {languages.map((language) => (
        <Button
          key={language}
          size="xs"
          miw={44}
          variant={language === current ? 'filled' : 'subtle'}
          aria-pressed={language === current}
          lang={language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <VisuallyHidden> {t(`language.ownName.${language}`)}</VisuallyHidden>
        </Button>
      ))}
    </Group>
  );
}
