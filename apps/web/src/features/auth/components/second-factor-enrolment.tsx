import { Alert, Anchor, Button, Code, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { totpCodeSchema, type SecondFactorEnrolment } from '@yhdessa/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useConfirmSecondFactor, useEnrolSecondFactor } from '../api/second-factor.mutations';
import { AuthenticatorQrCode } from './authenticator-qr-code';
import { CodeInput } from './code-input';

/** The base32 secret in groups of four, so it can be typed into an app by hand without losing one's place. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}

function CopyTextButton({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          size="sm"
          onClick={copy}
          leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
        >
          {copied ? copiedLabel : label}
        </Button>
      )}
    </CopyButton>
  );
}

function confirmErrorKey(error: unknown): string {
  if (isApiError(error, 'invalid_second_factor')) return 'secondFactor.invalidCode';
  if (isApiError(error, 'forbidden')) return 'secondFactor.enrolRefused';
  return 'secondFactor.failed';
}

function SecretStep({ enrolment, onDone }: { enrolment: SecondFactorEnrolment; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmSecondFactor();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  if (confirm.isSuccess) return <RecoveryCodesStep codes={confirm.data.recoveryCodes} onDone={onDone} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!totpCodeSchema.safeParse(code).success) return setFieldError('secondFactor.codeInvalid');
    setFieldError(undefined);
    confirm.mutate(code);
  };

  return (
    <Stack gap="md">
      <List type="ordered" size="sm" spacing="xs">
        <List.Item>{t('secondFactor.enrolStep1')}</List.Item>
        <List.Item>{t('secondFactor.enrolStep2')}</List.Item>
        <List.Item>{t('secondFactor.enrolStep3')}</List.Item>
      </List>
      <Paper withBorder p="md" bg="gray.0">
        <Stack gap="xs">
          <AuthenticatorQrCode otpauthUri={enrolment.otpauthUri} label={t('secondFactor.qrLabel')} />
          <Text size="sm" c="dimmed" mt="xs">
            {t('secondFactor.manualEntry')}
          </Text>
          <Text size="sm" fw={600} id="second-factor-secret-label">
            {t('secondFactor.secretLabel')}
          </Text>
          <Code
            block
            aria-labelledby="second-factor-secret-label"
            fz="lg"
            style={{ letterSpacing: '0.08em', wordBreak: 'break-word', whiteSpace: 'normal' }}
          >
            {groupSecret(enrolment.secret)}
          </Code>
          <Group gap="sm">
            <CopyTextButton
              value={enrolment.secret}
              label={t('secondFactor.copySecret')}
              copiedLabel={t('secondFactor.copied')}
            />
            <Anchor
              href={enrolment.otpauthUri}
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
              mih={44}
            >
              <IconExternalLink size={16} aria-hidden />
              {t('secondFactor.openInApp')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {confirm.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t(confirmErrorKey(confirm.error))}
            </Alert>
          )}
          <CodeInput
            label={t('secondFactor.code')}
            description={t('secondFactor.firstCodeHint')}
            value={code}
            onChange={setCode}
            error={fieldError && t(fieldError)}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('secondFactor.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // The form the user was in is gone; the codes are what comes next.
  useEffect(() => title.current?.focus(), []);
  return (
    <Stack gap="md">
      <Title order={2} size="h3" ref={title} tabIndex={-1}>
        {t('secondFactor.recoveryTitle')}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />}>
        {t('secondFactor.recoveryShownOnce')}
      </Alert>
      <List
        type="ordered"
        aria-label={t('secondFactor.recoveryTitle')}
        withPadding
        spacing={4}
        style={{ fontFamily: 'ui-monospace, monospace', columns: 2, fontSize: 'var(--mantine-font-size-md)' }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyTextButton value={codes.join('\n')} label={t('secondFactor.copyCodes')} copiedLabel={t('secondFactor.copied')} />
      </Group>
      <Button onClick={onDone} fullWidth>
        {t('secondFactor.codesSaved')}
      </Button>
    </Stack>
  );
}

interface SecondFactorEnrolmentProps {
  /** The recovery codes are saved: the session is signed in. */
  onDone: () => void;
}

/** Setting up the authenticator app: the secret as a QR code and as text, the first code, then ten recovery codes shown once. */
export function SecondFactorEnrolmentFlow({ onDone }: SecondFactorEnrolmentProps) {
  const { t } = useTranslation();
  const enrol = useEnrolSecondFactor();

  if (enrol.isSuccess) return <SecretStep enrolment={enrol.data} onDone={onDone} />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('secondFactor.enrolIntro')}</Text>
      {enrol.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t(confirmErrorKey(enrol.error))}
        </Alert>
      )}
      <Button onClick={() => enrol.mutate()} loading={enrol.isPending} fullWidth>
        {t('secondFactor.enrolStart')}
      </Button>
    </Stack>
  );
}
