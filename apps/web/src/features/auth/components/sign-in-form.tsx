import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { loginRequestSchema, type CurrentUser, type DemoAccount, type LoginRequest } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useSignIn } from '../api/sign-in.mutation';
import { DemoAccounts } from './demo-accounts';

/** Field errors hold translation keys, so they follow a language switch. */
function validateLogin(values: LoginRequest): Partial<Record<keyof LoginRequest, string>> {
  const result = loginRequestSchema.safeParse(values);
  if (result.success) return {};
  const fields = new Set(result.error.issues.map((issue) => issue.path[0]));
  return {
    ...(fields.has('email') && { email: 'signIn.emailInvalid' }),
    ...(fields.has('password') && { password: 'signIn.passwordRequired' }),
  };
}

function errorKey(error: unknown): string {
  if (isApiError(error, 'invalid_credentials')) return 'signIn.invalidCredentials';
  if (isApiError(error, 'rate_limited')) return 'signIn.rateLimited';
  return 'signIn.failed';
}

interface SignInFormProps {
  onSignedIn: (user: CurrentUser) => void;
  /** E.g. the address an invitation was just accepted for. */
  initialEmail?: string;
}

export function SignInForm({ onSignedIn, initialEmail = '' }: SignInFormProps) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useForm<LoginRequest>({ initialValues: { email: initialEmail, password: '' }, validate: validateLogin });

  const submit = (values: LoginRequest) => signIn.mutate(loginRequestSchema.parse(values), { onSuccess: onSignedIn });
  const signInAs = (account: DemoAccount) => {
    form.setValues({ email: account.email, password: account.password });
    submit({ email: account.email, password: account.password });
  };
  const fieldError = (field: keyof LoginRequest) => {
    const key = form.errors[field];
    return typeof key === 'string' ? t(key) : undefined;
  };

  return (
    <Stack gap="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          {signIn.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t(errorKey(signIn.error))}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            withAsterisk={false}
            {...form.getInputProps('email')}
            error={fieldError('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps('password')}
            error={fieldError('password')}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <DemoAccounts onChoose={signInAs} disabled={signIn.isPending} />
    </Stack>
  );
}
