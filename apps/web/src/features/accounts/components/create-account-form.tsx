import { Alert, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { createAccountSchema, type Organisation, type ProfessionalRole } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { isApiError } from '../../../lib/api-client';
import { useCreateAccount } from '../api/accounts.query';
import { AccountAccessFields, type ServiceChoice } from './account-access-fields';
import { refusalMessageKey } from './account-form-errors';

interface CreateAccountFormProps {
  organisations: readonly Organisation[];
  /** The administrator's own organisation, chosen to begin with. */
  defaultOrganisationId: string | null;
  /** The services the administrator keeps; retired ones are not offered. */
  services: readonly ServiceChoice[];
  onClose: () => void;
}

type Field = 'name' | 'email' | 'serviceIds';

/** Field errors hold translation keys, so they follow a language switch. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): Partial<Record<Field, string>> {
  const fields = new Set(issues.map((issue) => issue.path[0]));
  return Object.fromEntries(
    (['name', 'email', 'serviceIds'] as const)
      .filter((field) => fields.has(field))
      .map((field) => [field, `administration.errors.${field}`]),
  );
}

/** The administrator creates a professional's account; the person sets their password from the mailed link. */
export function CreateAccountForm({ organisations, defaultOrganisationId, services, onClose }: CreateAccountFormProps) {
  const { t } = useTranslation();
  const createAccount = useCreateAccount();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProfessionalRole>('worker');
  const [organisationId, setOrganisationId] = useState(defaultOrganisationId ?? '');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const edited = (field: Field) => {
    setErrors((current) => ({ ...current, [field]: undefined }));
    createAccount.reset();
  };

  if (createAccount.isSuccess)
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="teal" variant="light" role="status">
          {t('administration.created', { email: createAccount.data.email })}
        </Alert>
        <Button variant="default" onClick={onClose}>
          {t('administration.done')}
        </Button>
      </Stack>
    );

  const serverError = createAccount.isError ? createAccount.error : null;
  const emailError = errors.email
    ? t(errors.email)
    : isApiError(serverError, 'email_taken')
      ? t('administration.errors.emailTaken')
      : undefined;
  const refusal = refusalMessageKey(serverError);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // The shared contract decides what a valid account is, and normalises the address.
        const result = createAccountSchema.safeParse({
          name,
          email,
          role,
          organisationId: organisationId || null,
          serviceIds: role === 'worker' ? serviceIds : [],
        });
        setErrors(result.success ? {} : fieldErrors(result.error.issues));
        if (result.success) createAccount.mutate(result.data);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('administration.createIntro')}</Text>
        <TextInput
          label={t('administration.name')}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            edited('name');
          }}
          error={errors.name ? t(errors.name) : undefined}
          maxLength={200}
        />
        <TextInput
          label={t('administration.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            edited('email');
          }}
          error={emailError}
          maxLength={254}
        />
        <NativeSelect
          label={t('administration.organisation')}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          data={[
            { value: '', label: t('administration.noOrganisation') },
            ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
          ]}
        />
        <AccountAccessFields
          role={role}
          serviceIds={serviceIds}
          services={services.filter((service) => !service.retired)}
          onRoleChange={(value) => {
            setRole(value);
            edited('serviceIds');
          }}
          onServiceIdsChange={(value) => {
            setServiceIds(value);
            edited('serviceIds');
          }}
          errors={{ serviceIds: errors.serviceIds ? t(errors.serviceIds) : undefined }}
        />
        {serverError && !isApiError(serverError, 'email_taken') && (
          <SaveError error={serverError} message={refusal ? t(refusal) : undefined} />
        )}
        <FormButtons submitLabel={t('administration.submitCreate')} pending={createAccount.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
