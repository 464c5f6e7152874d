import { Button, Fieldset, Group, List, Stack, Text, TextInput } from '@mantine/core';
import type { ProgramPayer } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../lib/form-errors';
import { rowKey } from './program-form-values';
import type { ProgramFormInstance } from './program-form';

interface PayerFieldsProps {
  form: ProgramFormInstance;
  /** The payers a saved programme has: they stay, new ones may be added. */
  saved?: ProgramPayer[];
}

/** The municipalities that pay for outcomes: named one per row; a saved payer is never removed. */
export function PayerFields({ form, saved }: PayerFieldsProps) {
  const { t } = useTranslation();
  const rows = form.values.payers;
  const offset = saved?.length ?? 0;
  return (
    <Fieldset legend={t('programs.form.payers')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(saved ? 'programs.form.payersEditHint' : 'programs.form.payersHint')}
        </Text>
        {saved && (
          <List size="sm" aria-label={t('programs.form.savedPayers')}>
            {saved.map((payer) => (
              <List.Item key={payer.id}>{payer.name}</List.Item>
            ))}
          </List>
        )}
        {rows.map((payer, index) => {
          const label = t('programs.form.payer', { number: offset + index + 1 });
          return (
            <Group key={payer.key} align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={label}
                {...form.getInputProps(`payers.${index}.name`)}
                error={fieldError(t, form.errors, `payers.${index}.name`)}
                maxLength={200}
                required
                style={{ flex: 1 }}
              />
              {(saved || rows.length > 1) && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem('payers', index)}
                  aria-label={t('programs.form.removeNamed', { name: label })}
                >
                  {t('programs.form.remove')}
                </Button>
              )}
            </Group>
          );
        })}
        {form.errors.payers && (
          <Text size="sm" c="red" role="alert">
            {fieldError(t, form.errors, 'payers')}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('payers', { key: rowKey(), name: '' })}>
            {t('programs.form.addPayer')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
