import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Props that cap a text field at the schema's length and count it under the field, so text
 * that reaches the limit is never cut without the writer seeing why.
 */
export function useCharacterCount() {
  const { t } = useTranslation();
  return (value: string, max: number) => ({
    maxLength: max,
    inputContainer: (input: ReactNode) => (
      <>
        {input}
        <Text size="xs" ta="right" mt={2} c={value.length >= max ? 'orange.9' : 'dimmed'}>
          {t('form.characterCount', { count: value.length, max })}
        </Text>
      </>
    ),
  });
}
