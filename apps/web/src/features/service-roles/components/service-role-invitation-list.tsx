import { Alert, Blockquote, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { declineReasonMaxLength, type PersonRef, type ServiceInvitation } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { serviceInvitationsQueryOptions, useAnswerInvitation } from '../api/service-role-invitations.query';

/** A worker's open invitations: each is accepted (naming who answers for the role) or declined with a reason. */
export function ServiceInvitationList({ me }: { me: PersonRef }) {
  const { t } = useTranslation();
  const invitations = useQuery(serviceInvitationsQueryOptions());

  return (
    <Stack gap="sm" component="section" aria-labelledby="service-invitations-title">
      <Title order={2} size="h3" id="service-invitations-title">
        {t('serviceInvitations.title')}
      </Title>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState title={t('serviceInvitations.error')} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('serviceInvitations.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {invitations.data.map((invitation) => (
            <li key={invitation.serviceRoleId}>
              <InvitationCard invitation={invitation} me={me} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function InvitationCard({ invitation, me }: { invitation: ServiceInvitation; me: PersonRef }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useAnswerInvitation();
  const [mode, setMode] = useState<'idle' | 'accept' | 'decline'>('idle');
  const [description, setDescription] = useState('');
  const counted = useCharacterCount();
  const declineForm = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (reason) => (reason.trim() ? withinLength(declineReasonMaxLength)(reason) : 'serviceInvitations.reasonRequired'),
    },
  });
  const service = localizeText(invitation.service.name, language);
  const invited = invitation.invitedAt ? formatDateTimeParts(invitation.invitedAt, language) : null;
  const headingId = `invitation-${invitation.serviceRoleId}`;

  const errorText = answer.isError
    ? isApiError(answer.error, 'invitation_answered') || isApiError(answer.error, 'version_conflict')
      ? t('serviceInvitations.alreadyAnswered')
      : t('serviceInvitations.answerFailed')
    : null;

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t('serviceInvitations.heading', { family: invitation.familyName, service })}
        </Title>
        <Text size="sm">
          {t('serviceInvitations.from', { name: invitation.coordinator.name })}
          {invited && ` · ${t('serviceInvitations.invitedAt', { date: invited.date })}`}
        </Text>
        {invitation.message && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('serviceInvitations.message')}
            </Text>
            <Blockquote p="sm" color="gray">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {invitation.message}
              </Text>
            </Blockquote>
          </Stack>
        )}
        {errorText && (
          <Alert color="red" variant="light" role="alert">
            {errorText}
          </Alert>
        )}
        {mode === 'idle' && (
          <Group gap="sm">
            <Button onClick={() => setMode('accept')}>{t('serviceInvitations.accept')}</Button>
            <Button variant="default" onClick={() => setMode('decline')}>
              {t('serviceInvitations.decline')}
            </Button>
          </Group>
        )}
        {mode === 'accept' && (
          <Stack
            gap="xs"
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              answer.mutate({
                kind: 'accept',
                invitation,
                body: { responsibleAccountId: me.id, ...(description.trim() ? { description: description.trim() } : {}) },
              });
            }}
          >
            <Text size="sm">{t('serviceInvitations.responsible', { name: me.name })}</Text>
            <Textarea
              label={t('serviceInvitations.description')}
              description={t('serviceInvitations.descriptionHint')}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Group gap="sm">
              <Button type="submit" loading={answer.isPending}>
                {t('serviceInvitations.confirmAccept')}
              </Button>
              <Button variant="subtle" onClick={() => setMode('idle')} disabled={answer.isPending}>
                {t('serviceInvitations.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {mode === 'decline' && (
          <form
            noValidate
            onSubmit={declineForm.onSubmit(({ reason }) =>
              answer.mutate({ kind: 'decline', invitation, body: { reason: reason.trim() } }),
            )}
          >
            <Stack gap="xs">
              <Textarea
                label={t('serviceInvitations.reason')}
                description={t('serviceInvitations.reasonHint')}
                {...declineForm.getInputProps('reason')}
                error={fieldError(t, declineForm.errors, 'reason')}
                required
                autosize
                minRows={2}
                {...counted(declineForm.values.reason, declineReasonMaxLength)}
              />
              <Group gap="sm">
                <Button type="submit" color="red" loading={answer.isPending}>
                  {t('serviceInvitations.confirmDecline')}
                </Button>
                <Button variant="subtle" onClick={() => setMode('idle')} disabled={answer.isPending}>
                  {t('serviceInvitations.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
