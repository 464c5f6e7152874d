import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailForward } from '@tabler/icons-react';
import { passwordResetRequestSchema } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { useRequestPasswordReset } from '../api/password.mutations';

/** "Unohtunut salasana": the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const requestReset = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: (values) => (passwordResetRequestSchema.safeParse(values).success ? {} : { email: 'password.emailInvalid' }),
    // The error stays until the address is sent again.
    clearInputErrorOnChange: false,
  });

  if (requestReset.isSuccess)
    return (
      <Alert color="green" variant="light" icon={<IconMailForward aria-hidden />} role="status">
        {t('password.linkSent')}
      </Alert>
    );

  return (
    <form onSubmit={form.onSubmit((values) => requestReset.mutate(passwordResetRequestSchema.parse(values).email))} noValidate>
      <Stack gap="md">
        {requestReset.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {isApiError(requestReset.error, 'rate_limited') ? t('password.rateLimited') : t('password.failed')}
          </Alert>
        )}
        <TextInput
          label={t('password.email')}
          type="email"
          autoComplete="username"
          {...form.getInputProps('email')}
          error={fieldError(t, form.errors, 'email')}
          required
          withAsterisk={false}
          size="md"
        />
        <Button type="submit" loading={requestReset.isPending} fullWidth size="md">
          {t('password.sendLink')}
        </Button>
      </Stack>
    </form>
  );
}
