import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailForward } from '@tabler/icons-react';
import { passwordResetRequestSchema } from '@yhdessa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useRequestPasswordReset } from '../api/password.mutations';

/** "Unohtunut salasana": the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const requestReset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = passwordResetRequestSchema.safeParse({ email });
    setInvalid(!parsed.success);
    if (parsed.success) requestReset.mutate(parsed.data.email);
  };

  if (requestReset.isSuccess)
    return (
      <Alert color="green" variant="light" icon={<IconMailForward aria-hidden />} role="status">
        {t('password.linkSent')}
      </Alert>
    );

  return (
    <form onSubmit={submit} noValidate>
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
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={invalid && t('password.emailInvalid')}
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
