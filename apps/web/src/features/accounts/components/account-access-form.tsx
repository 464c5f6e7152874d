import { Stack, Text } from '@mantine/core';
import { changeAccountAccessSchema, type AdminAccount, type ProfessionalRole } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { useChangeAccountAccess } from '../api/accounts.query';
import { AccountAccessFields, type ServiceChoice } from './account-access-fields';
import { refusalMessageKey } from './account-form-errors';

interface AccountAccessFormProps {
  /** A professional's account: a family member's role is not the administrator's to change. */
  account: AdminAccount & { role: ProfessionalRole };
  /** The services the administrator keeps, retired ones too. */
  services: readonly ServiceChoice[];
  onClose: () => void;
}

/** Another role or other services; the server refuses while families or service roles would be left without their person. */
export function AccountAccessForm({ account, services, onClose }: AccountAccessFormProps) {
  const { t } = useTranslation();
  const change = useChangeAccountAccess(account.id);
  const [role, setRole] = useState<ProfessionalRole>(account.role);
  const [serviceIds, setServiceIds] = useState(account.services.map((service) => service.id));
  const [servicesMissing, setServicesMissing] = useState(false);
  // A retired service takes nobody new, but the services the worker is in stay listed, so they can be left.
  const isIn = (serviceId: string) => account.services.some((service) => service.id === serviceId);
  const choices = [
    ...services.filter((service) => !service.retired || isIn(service.id)),
    ...account.services
      .filter((service) => !services.some((choice) => choice.id === service.id))
      .map((service) => ({ ...service, retired: false })),
  ];
  const refusal = refusalMessageKey(change.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const result = changeAccountAccessSchema.safeParse({ role, serviceIds: role === 'worker' ? serviceIds : [] });
        setServicesMissing(!result.success);
        if (result.success) change.mutate(result.data, { onSuccess: onClose });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('administration.editIntro')}</Text>
        <AccountAccessFields
          role={role}
          serviceIds={serviceIds}
          services={choices}
          onRoleChange={(value) => {
            setRole(value);
            change.reset();
          }}
          onServiceIdsChange={(value) => {
            setServiceIds(value);
            setServicesMissing(false);
            change.reset();
          }}
          errors={{ serviceIds: servicesMissing ? t('administration.errors.serviceIds') : undefined }}
        />
        {change.isError && <SaveError error={change.error} message={refusal ? t(refusal) : undefined} />}
        <FormButtons submitLabel={t('administration.submitEdit')} pending={change.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
