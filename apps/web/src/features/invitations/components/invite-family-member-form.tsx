import { Alert, Button, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { createInvitationSchema, type FamilyMember } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useInviteFamilyMember } from '../api/invite-family-member.mutation';
import { FormButtons } from '../../../components/form-buttons';

interface InviteFamilyMemberFormProps {
  familyId: string;
  members: FamilyMember[];
  onClose: () => void;
}

type FieldErrors = Partial<Record<'memberId' | 'email', string>>;

/** Field errors hold translation keys, so they follow a language switch. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): FieldErrors {
  const fields = new Set(issues.map((issue) => issue.path[0]));
  return {
    ...(fields.has('memberId') && { memberId: 'inviteMember.memberRequired' }),
    ...(fields.has('email') && { email: 'inviteMember.emailInvalid' }),
  };
}

/** The coordinator gives a family member a login of their own: a single-use link to their mailbox sets the password. */
export function InviteFamilyMemberForm({ familyId, members, onClose }: InviteFamilyMemberFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invite = useInviteFamilyMember();
  const [memberId, setMemberId] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  if (invite.isSuccess) {
    const until = formatDateTimeParts(invite.data.expiresAt, language);
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="teal" variant="light" role="status" title={t('inviteMember.sentTitle')}>
          {t('inviteMember.sent', { email: invite.variables.email, date: until.date, time: until.time })}
        </Alert>
        <Button variant="default" onClick={onClose}>
          {t('inviteMember.done')}
        </Button>
      </Stack>
    );
  }

  const refused = isApiError(invite.error, 'validation_failed');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // The shared contract decides what a valid invitation is, and normalises the address.
        const result = createInvitationSchema.safeParse({ kind: 'family-member', familyId, memberId, email });
        setErrors(result.success ? {} : fieldErrors(result.error.issues));
        if (result.success) invite.mutate({ kind: 'family-member', familyId, memberId, email: result.data.email });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('inviteMember.title')}
        </Title>
        <Text size="sm">{t('inviteMember.intro')}</Text>
        <NativeSelect
          label={t('inviteMember.member')}
          value={memberId}
          onChange={(event) => {
            setMemberId(event.currentTarget.value);
            setErrors((current) => ({ ...current, memberId: undefined }));
            invite.reset();
          }}
          error={errors.memberId ? t(errors.memberId) : undefined}
          data={[
            { value: '', label: t('inviteMember.choose') },
            ...members.map((member) => ({
              value: member.id,
              label: `${member.name} (${t(`memberRelation.${member.relation}`)})`,
            })),
          ]}
        />
        <TextInput
          label={t('inviteMember.email')}
          description={t('inviteMember.emailHint')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setErrors((current) => ({ ...current, email: undefined }));
            invite.reset();
          }}
          error={errors.email ? t(errors.email) : undefined}
          maxLength={254}
        />
        {refused ? (
          <Alert color="orange" variant="light" role="alert">
            {t('inviteMember.addressRefused')}
          </Alert>
        ) : (
          invite.isError && <SaveError error={invite.error} />
        )}
        <FormButtons submitLabel={t('inviteMember.submit')} pending={invite.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
