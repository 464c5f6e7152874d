import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { newPasswordSchema } from '@yhdessa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useChangePassword } from '../api/password.mutations';

const MIN_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/** Field errors hold translation keys, so they follow a language switch. */
function errorsOf(error: unknown): Partial<Record<Field, string>> {
  if (!isApiError(error, 'validation_failed')) return {};
  return {
    ...(error.fields.includes('body.currentPassword') && { currentPassword: 'password.currentWrong' }),
    ...(error.fields.includes('body.newPassword') && { newPassword: 'password.rejected' }),
  };
}

function alertKey(error: unknown): string | null {
  if (isApiError(error, 'validation_failed')) return null;
  if (isApiError(error, 'rate_limited')) return 'password.locked';
  if (isApiError(error, 'forbidden')) return 'password.demo';
  return 'password.changeFailed';
}

/** "Vaihda salasana": current, new and the new one again; the server checks the rest. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!values.currentPassword) next.currentPassword = 'password.currentRequired';
    if (!newPasswordSchema.safeParse(values.newPassword).success) next.newPassword = 'password.tooShort';
    if (values.newPassword !== values.confirmation) next.confirmation = 'password.differ';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirmation: '' }),
        onError: (error) => setErrors(errorsOf(error)),
      },
    );
  };

  const field = (name: Field, label: string, autoComplete: string) => (
    <PasswordInput
      label={t(label)}
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [name]: value }));
      }}
      error={errors[name] && t(errors[name], { count: MIN_LENGTH })}
      required
      withAsterisk={false}
      size="md"
    />
  );

  const alert = change.isError ? alertKey(change.error) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {change.isSuccess && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            {t('password.changed')}
          </Alert>
        )}
        {alert && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t(alert)}
          </Alert>
        )}
        {field('currentPassword', 'password.current', 'current-password')}
        {field('newPassword', 'password.new', 'new-password')}
        {field('confirmation', 'password.repeat', 'new-password')}
        <Button type="submit" loading={change.isPending} size="md">
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
