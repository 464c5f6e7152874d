import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Props that count a text field up to the schema's length under the field. Text is never cut at
 * the limit (pasted text would lose its end unseen): the count turns red and says how much is
 * over, and `withinLength` keeps the form from sending it.
 */
export function useCharacterCount() {
  const { t } = useTranslation();
  return (value: string, max: number) => ({
    inputContainer: (input: ReactNode) => (
      <>
        {input}
        <Text size="xs" ta="right" mt={2} c={value.length > max ? 'red.8' : value.length === max ? 'orange.9' : 'dimmed'}>
          {value.length > max
            ? t('goalsOverTime.characterCountOver', { count: value.length, max, over: value.length - max })
            : t('form.characterCount', { count: value.length, max })}
        </Text>
      </>
    ),
  });
}

/** A form rule: the text fits the schema's limit. The message is a translation key; the count under the field says by how much. */
export const withinLength = (max: number) => (value: string) => (value.length > max ? 'goalsOverTime.tooLong' : null);
