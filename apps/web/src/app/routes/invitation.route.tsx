import { Alert, Anchor, Container, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { invitationQueryOptions } from '../../features/invitations/api/invitation.query';
import { SetPasswordForm } from '../../features/invitations/components/set-password-form';
import { isApiError } from '../../lib/api-client';
import { formatDateTimeParts, useLanguage } from '../../lib/locale';
import { usePageTitle } from '../../lib/page-title';
import { paths } from '../../lib/paths';
import { AppHeader } from '../app-header';
import type { NavigationState } from '../navigation-state';

/** `/kutsu/:token`: the invited person sees who invited them as what, and sets a password. */
export function InvitationRoute() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const invitation = useQuery(invitationQueryOptions(token));
  const [expiredMeanwhile, setExpiredMeanwhile] = useState(false);
  usePageTitle(t('invitation.title'));

  const signInLink = (
    <Anchor component={Link} to={paths.signIn} size="sm">
      {t('invitation.toSignIn')}
    </Anchor>
  );

  const body = () => {
    if (invitation.isPending) return <LoadingState />;
    if (invitation.isError) {
      const missing = isApiError(invitation.error, 'not_found') || isApiError(invitation.error, 'validation_failed');
      return (
        <Stack gap="md">
          <Title order={1} size="h2">
            {missing ? t('invitation.notFoundTitle') : t('invitation.title')}
          </Title>
          {missing ? (
            <Text>{t('invitation.notFound')}</Text>
          ) : (
            <ErrorState title={t('invitation.loadFailed')} onRetry={() => void invitation.refetch()} />
          )}
          {signInLink}
        </Stack>
      );
    }
    const details = invitation.data;
    const closed = expiredMeanwhile || details.state !== 'open';
    // A reset link sets a new password for a login the person already has; no one invited them.
    const reset = details.kind === 'password-reset';
    const expires = formatDateTimeParts(details.expiresAt, language);
    return (
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {reset ? t('password.resetTitle') : t('invitation.title')}
          </Title>
          <Text>
            {reset ? t('password.resetIntro') : t(`invitation.intro.${details.kind}`, { invitedBy: details.invitedBy })}
          </Text>
        </Stack>
        <DataList size="sm" gap={4} labelWidth="8rem">
          <DataList.Item>
            <DataList.ItemLabel>{t('invitation.name')}</DataList.ItemLabel>
            <DataList.ItemValue>{details.name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('invitation.email')}</DataList.ItemLabel>
            <DataList.ItemValue>{details.email}</DataList.ItemValue>
          </DataList.Item>
          {!reset && (
            <>
              <DataList.Item>
                <DataList.ItemLabel>{t('invitation.as')}</DataList.ItemLabel>
                <DataList.ItemValue>{t(`invitation.kind.${details.kind}`)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('invitation.invitedBy')}</DataList.ItemLabel>
                <DataList.ItemValue>{details.invitedBy}</DataList.ItemValue>
              </DataList.Item>
            </>
          )}
          {!closed && (
            <DataList.Item>
              <DataList.ItemLabel>{t('invitation.validUntil')}</DataList.ItemLabel>
              <DataList.ItemValue>{t('invitation.dateTime', expires)}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {closed ? (
          <Stack gap="sm">
            <Alert
              color="orange"
              variant="light"
              icon={<IconClockOff aria-hidden />}
              role="alert"
              title={t('invitation.expiredTitle')}
            >
              {reset
                ? t('password.resetExpired')
                : details.state === 'used' && !expiredMeanwhile
                  ? t('invitation.used')
                  : t('invitation.expired')}
            </Alert>
            {reset && (
              <Anchor component={Link} to={paths.forgotPassword} size="sm">
                {t('password.askNewLink')}
              </Anchor>
            )}
            {signInLink}
          </Stack>
        ) : (
          <Stack gap="sm">
            {!reset && (
              <Title order={2} size="h3">
                {t('invitation.setPassword')}
              </Title>
            )}
            <SetPasswordForm
              token={token}
              email={details.email}
              onExpired={() => setExpiredMeanwhile(true)}
              onAccepted={() => {
                const state: NavigationState = { notice: reset ? 'passwordReset' : 'invitationAccepted', email: details.email };
                void navigate(paths.signIn, { replace: true, state });
              }}
            />
          </Stack>
        )}
      </Stack>
    );
  };

  return (
    <>
      <AppHeader />
      <Container size={520} component="main" id="main" tabIndex={-1} py="xl">
        <Paper withBorder p="lg" radius="md">
          {body()}
        </Paper>
      </Container>
    </>
  );
}
