import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { totpCodeSchema } from '@yhdessa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useVerifySecondFactor } from '../api/second-factor.mutations';
import { CodeInput } from './code-input';

function errorKey(error: unknown): string {
  if (isApiError(error, 'invalid_second_factor')) return 'secondFactor.invalidCode';
  if (isApiError(error, 'rate_limited')) return 'signIn.rateLimited';
  return 'secondFactor.failed';
}

interface SecondFactorCodeFormProps {
  /** Too many wrong codes end the session; the caller explains that on the sign-in page. */
  onSessionEnded: () => void;
}

/** "Vahvistuskoodi": the code from the authenticator app, or one of the recovery codes. */
export function SecondFactorCodeForm({ onSessionEnded }: SecondFactorCodeFormProps) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor({ onSessionEnded });
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (useRecovery) {
      const trimmed = recoveryCode.trim();
      if (trimmed.length < 10) return setFieldError('secondFactor.recoveryCodeInvalid');
      setFieldError(undefined);
      verify.mutate({ recoveryCode: trimmed });
      return;
    }
    if (!totpCodeSchema.safeParse(code).success) return setFieldError('secondFactor.codeInvalid');
    setFieldError(undefined);
    verify.mutate({ code });
  };

  const switchMode = () => {
    setUseRecovery((value) => !value);
    setFieldError(undefined);
    verify.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{useRecovery ? t('secondFactor.recoveryIntro') : t('secondFactor.codeIntro')}</Text>
        {verify.isError && !isApiError(verify.error, 'unauthenticated') && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t(errorKey(verify.error))}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput
            label={t('secondFactor.recoveryCode')}
            value={recoveryCode}
            onChange={(event) => setRecoveryCode(event.currentTarget.value)}
            error={fieldError && t(fieldError)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            withAsterisk={false}
            size="md"
            autoFocus
          />
        ) : (
          <CodeInput label={t('secondFactor.code')} value={code} onChange={setCode} error={fieldError && t(fieldError)} />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('secondFactor.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={switchMode} mih={44} style={{ alignSelf: 'flex-start' }}>
          {useRecovery ? t('secondFactor.useCode') : t('secondFactor.useRecoveryCode')}
        </Anchor>
      </Stack>
    </form>
  );
}
