import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { invitationMessageMaxLength, type CatalogueService } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { useCharacterCount, withinLength } from '../../../components/character-count';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { localizeText, useLanguage } from '../../../lib/locale';
import { serviceCatalogueQueryOptions, useInviteService } from '../api/service-catalogue.query';

/** Inviting another service in place of one that declined: its message and kind carry over. */
export interface InviteInPlaceOf {
  serviceRoleId: string;
  serviceName: string;
  category: string;
  message: string;
}

interface InviteServiceFormProps {
  familyId: string;
  /** Services already in the plan are not offered again. */
  serviceIdsInPlan: string[];
  onCancel: () => void;
  /** The declined invitation this one follows up: the form starts from its message, services of its kind first. */
  inPlaceOf?: InviteInPlaceOf;
}

/** The coordinator picks a service from the catalogue and may write it a message; its workers get the invitation. */
export function InviteServiceForm({ familyId, serviceIdsInPlan, onCancel, inPlaceOf }: InviteServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counted = useCharacterCount();
  const catalogue = useQuery(serviceCatalogueQueryOptions());
  const form = useForm({
    initialValues: { serviceId: '', message: inPlaceOf?.message ?? '' },
    validate: { serviceId: isNotEmpty('invite.serviceRequired'), message: withinLength(invitationMessageMaxLength) },
  });
  const invite = useInviteService(familyId);

  if (catalogue.isPending) return <LoadingState />;
  if (catalogue.isError) return <ErrorState title={t('invite.catalogueFailed')} onRetry={() => void catalogue.refetch()} />;
  // A retired service takes no new families (the server refuses it too).
  const available = catalogue.data.filter((service) => service.retiredAt === null && !serviceIdsInPlan.includes(service.id));
  const chosen = available.find((service) => service.id === form.values.serviceId);
  const option = (service: CatalogueService) => ({
    value: service.id,
    label: `${localizeText(service.name, language)} – ${service.organisation.name}`,
  });
  const sameKind = inPlaceOf ? available.filter((service) => service.category === inPlaceOf.category) : [];
  const otherKinds = available.filter((service) => !sameKind.includes(service));
  const titleId = `invite-service-title-${inPlaceOf?.serviceRoleId ?? 'new'}`;

  return (
    <form
      noValidate
      aria-labelledby={titleId}
      onSubmit={form.onSubmit(({ serviceId, message }) =>
        invite.mutate(
          {
            serviceId,
            ...(message.trim() && { message: message.trim() }),
            ...(inPlaceOf && { replacesServiceRoleId: inPlaceOf.serviceRoleId }),
          },
          { onSuccess: onCancel },
        ),
      )}
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {inPlaceOf ? t('serviceInvitations.form.inPlaceOfTitle', { service: inPlaceOf.serviceName }) : t('invite.title')}
        </Title>
        {available.length === 0 ? (
          <Text size="sm">{t('invite.allInPlan')}</Text>
        ) : (
          <>
            <NativeSelect
              label={t('invite.service')}
              value={form.values.serviceId}
              onChange={(event) => {
                form.setFieldValue('serviceId', event.currentTarget.value);
                invite.reset();
              }}
              error={fieldError(t, form.errors, 'serviceId')}
              data={[
                { value: '', label: t('invite.choose') },
                ...(sameKind.length > 0
                  ? [
                      { group: t('serviceInvitations.form.sameKind'), items: sameKind.map(option) },
                      { group: t('serviceInvitations.form.otherKinds'), items: otherKinds.map(option) },
                    ]
                  : otherKinds.map(option)),
              ]}
            />
            {chosen && (
              <Text size="sm" c="dimmed">
                {[chosen.description, chosen.contact].filter(Boolean).join(' · ')}
              </Text>
            )}
            <Textarea
              label={t('serviceInvitations.form.message')}
              description={t('serviceInvitations.form.messageHint')}
              autosize
              minRows={3}
              {...form.getInputProps('message')}
              error={fieldError(t, form.errors, 'message')}
              {...counted(form.values.message, invitationMessageMaxLength)}
            />
          </>
        )}
        {invite.isError &&
          (isApiError(invite.error, 'service_already_in_plan') ? (
            <Alert color="orange" variant="light" role="alert">
              {t('invite.alreadyInPlan')}
            </Alert>
          ) : (
            <SaveError error={invite.error} />
          ))}
        <Group gap="sm">
          {available.length > 0 && (
            <Button type="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          )}
          <Button variant="default" onClick={onCancel} disabled={invite.isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
