import { Alert, Button, List, PasswordInput, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconPoint } from '@tabler/icons-react';
import { newPasswordSchema } from '@yhdessa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useAcceptInvitation } from '../api/invitation.query';

const MIN_LENGTH = 12;

interface SetPasswordFormProps {
  token: string;
  email: string;
  onAccepted: () => void;
  /** The link expired or was used between opening the page and sending the form. */
  onExpired: () => void;
}

/** "Aseta salasana": at least 12 characters, typed twice, not the email address; the rules show as they are met. */
export function SetPasswordForm({ token, email, onAccepted, onExpired }: SetPasswordFormProps) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});

  const rules = [
    { key: 'invitation.ruleLength', met: password.length >= MIN_LENGTH },
    { key: 'invitation.ruleNotEmail', met: password.length > 0 && password.trim().toLowerCase() !== email.toLowerCase() },
    { key: 'invitation.ruleMatch', met: password.length > 0 && password === confirmation },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!newPasswordSchema.safeParse(password).success) next.password = 'invitation.passwordTooShort';
    else if (password.trim().toLowerCase() === email.toLowerCase()) next.password = 'invitation.passwordIsEmail';
    if (password !== confirmation) next.confirmation = 'invitation.passwordsDiffer';
    setErrors(next);
    if (next.password || next.confirmation) return;
    accept.mutate(password, {
      onSuccess: onAccepted,
      onError: (error) => {
        if (isApiError(error, 'invitation_expired') || isApiError(error, 'not_found')) onExpired();
        if (isApiError(error, 'validation_failed')) setErrors({ password: 'password.rejected' });
      },
    });
  };

  const failed =
    accept.isError &&
    !isApiError(accept.error, 'validation_failed') &&
    !isApiError(accept.error, 'invitation_expired') &&
    !isApiError(accept.error, 'not_found');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failed && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t('invitation.failed')}
          </Alert>
        )}
        <div>
          <Text size="sm" fw={600} id="password-rules">
            {t('invitation.rulesTitle')}
          </Text>
          <List size="sm" spacing={2} center mt={4} aria-labelledby="password-rules">
            {rules.map((rule) => (
              <List.Item
                key={rule.key}
                icon={
                  <ThemeIcon size={20} radius="xl" color={rule.met ? 'teal.9' : 'gray.6'} variant={rule.met ? 'filled' : 'light'}>
                    {rule.met ? <IconCheck size={14} aria-hidden /> : <IconPoint size={14} aria-hidden />}
                  </ThemeIcon>
                }
              >
                {t(rule.key, { count: MIN_LENGTH })}
                <VisuallyHidden>{rule.met ? ` (${t('invitation.ruleMet')})` : ''}</VisuallyHidden>
              </List.Item>
            ))}
          </List>
        </div>
        <PasswordInput
          label={t('invitation.password')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password && t(errors.password, { count: MIN_LENGTH })}
          aria-describedby="password-rules"
          required
          withAsterisk={false}
          size="md"
        />
        <PasswordInput
          label={t('invitation.confirmPassword')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={errors.confirmation && t(errors.confirmation)}
          required
          withAsterisk={false}
          size="md"
        />
        <Button type="submit" loading={accept.isPending} fullWidth size="md">
          {t('invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
