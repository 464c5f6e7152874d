import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { fieldError } from '../../../lib/form-errors';
import { localizeText, useLanguage } from '../../../lib/locale';
import { serviceCatalogueQueryOptions, useInviteService } from '../api/service-catalogue.query';

interface InviteServiceFormProps {
  familyId: string;
  /** Services already in the plan are not offered again. */
  serviceIdsInPlan: string[];
  onCancel: () => void;
}

/** The coordinator picks a service from the catalogue; its workers get the invitation. */
export function InviteServiceForm({ familyId, serviceIdsInPlan, onCancel }: InviteServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const catalogue = useQuery(serviceCatalogueQueryOptions());
  const form = useForm({ initialValues: { serviceId: '' }, validate: { serviceId: isNotEmpty('invite.serviceRequired') } });
  const invite = useInviteService(familyId);

  if (catalogue.isPending) return <LoadingState />;
  if (catalogue.isError) return <ErrorState title={t('invite.catalogueFailed')} onRetry={() => void catalogue.refetch()} />;
  // A retired service takes no new families (the server refuses it too).
  const available = catalogue.data.filter((service) => service.retiredAt === null && !serviceIdsInPlan.includes(service.id));
  const chosen = available.find((service) => service.id === form.values.serviceId);
  const name = (service: (typeof available)[number]) => localizeText(service.name, language);

  return (
    <form noValidate onSubmit={form.onSubmit(({ serviceId }) => invite.mutate({ serviceId }, { onSuccess: onCancel }))}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('invite.title')}
        </Title>
        {available.length === 0 ? (
          <Text size="sm">{t('invite.allInPlan')}</Text>
        ) : (
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
              ...available.map((service) => ({
                value: service.id,
                label: `${name(service)} – ${service.organisation.name}`,
              })),
            ]}
          />
        )}
        {chosen && (
          <Text size="sm" c="dimmed">
            {[chosen.description, chosen.contact].filter(Boolean).join(' · ')}
          </Text>
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
