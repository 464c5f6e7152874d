import { Button, Card, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { DeclinedInvitation } from '@yhdessa/shared';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { declinedInvitationsQueryOptions } from '../api/declined-invitations.query';

interface DeclinedInvitationListProps {
  familyId: string;
  /** The family reads that a service could not come, in plain words; the coordinator reads who, when and why. */
  forFamily: boolean;
  /** The invite form, prefilled from the declined invitation; the app layer supplies it to the coordinator. */
  renderInviteAnother?: (invitation: DeclinedInvitation, close: () => void) => ReactNode;
}

/** Invitations services declined stay on the plan, so the coordinator can follow each one up. Renders nothing when there are none. */
export function DeclinedInvitationList({ familyId, forFamily, renderInviteAnother }: DeclinedInvitationListProps) {
  const { t } = useTranslation();
  const declined = useQuery(declinedInvitationsQueryOptions(familyId));
  if (declined.isError)
    return <ErrorState title={t('serviceInvitations.declined.loadFailed')} onRetry={() => void declined.refetch()} />;
  if (!declined.data?.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="declined-invitations-title">
      <Title order={3} size="h4" id="declined-invitations-title">
        {forFamily ? t('serviceInvitations.declined.familyTitle') : t('serviceInvitations.declined.title')}
      </Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {declined.data.map((invitation) => (
          <li key={invitation.serviceRoleId}>
            {forFamily ? (
              <FamilyDeclinedLine invitation={invitation} />
            ) : (
              <DeclinedInvitationCard invitation={invitation} renderInviteAnother={renderInviteAnother} />
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function useDateTime() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (iso: string | null) => (iso ? t('serviceInvitations.dateTime', formatDateTimeParts(iso, language)) : '');
}

function DeclinedInvitationCard({
  invitation,
  renderInviteAnother,
}: {
  invitation: DeclinedInvitation;
  renderInviteAnother?: DeclinedInvitationListProps['renderInviteAnother'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dateTime = useDateTime();
  const [inviting, setInviting] = useState(false);
  const service = localizeText(invitation.service.name, language);
  const headingId = `declined-${invitation.serviceRoleId}`;
  const replacement = invitation.replacedBy;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={headingId}>
          {t('serviceInvitations.declined.heading', { service })}
        </Title>
        <DataList size="sm" gap={4} labelWidth="9rem">
          <DataList.Item>
            <DataList.ItemLabel>{t('serviceInvitations.declined.by')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {[invitation.respondedBy?.name, dateTime(invitation.respondedAt)].filter(Boolean).join(', ')}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('serviceInvitations.declined.reason')}</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>
              {invitation.reason ?? t('serviceInvitations.declined.noReason')}
            </DataList.ItemValue>
          </DataList.Item>
          {invitation.message && (
            <DataList.Item>
              <DataList.ItemLabel>{t('serviceInvitations.declined.yourMessage')}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{invitation.message}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {replacement ? (
          <Text size="sm" fw={600}>
            {t('serviceInvitations.declined.replacedBy', {
              service: localizeText(replacement.service.name, language),
              status: t(`serviceRoleStatus.${replacement.status}`),
            })}
          </Text>
        ) : (
          renderInviteAnother &&
          (inviting ? (
            <Paper withBorder p="md" className="no-print">
              {renderInviteAnother(invitation, () => setInviting(false))}
            </Paper>
          ) : (
            <div className="no-print">
              <Button
                variant="light"
                size="sm"
                leftSection={<IconSend size={16} aria-hidden />}
                onClick={() => setInviting(true)}
              >
                {t('serviceInvitations.declined.inviteAnother')}
              </Button>
            </div>
          ))
        )}
      </Stack>
    </Card>
  );
}

/** What the family reads: that the service cannot come now, and that someone else was asked. */
function FamilyDeclinedLine({ invitation }: { invitation: DeclinedInvitation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { date } = invitation.respondedAt ? formatDateTimeParts(invitation.respondedAt, language) : { date: '' };
  const service = localizeText(invitation.service.name, language);
  return (
    <Paper withBorder p="sm">
      <Text size="sm">
        {invitation.respondedAt
          ? t('serviceInvitations.declined.familyLineOn', { service, date })
          : t('serviceInvitations.declined.familyLine', { service })}{' '}
        {invitation.replacedBy
          ? t('serviceInvitations.declined.familyReplaced', {
              service: localizeText(invitation.replacedBy.service.name, language),
            })
          : t('serviceInvitations.declined.familyNext')}
      </Text>
    </Paper>
  );
}
