import { Alert, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { createInvitationSchema, type LocalizedText } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../../components/form-buttons';
import { SaveError } from '../../../components/save-error';
import { formatDateTimeParts, localizeText, useLanguage } from '../../../lib/locale';
import { useAddWorker } from '../api/add-worker.mutation';

interface AddWorkerFormProps {
  /** The services of the administrator's organisation. */
  services: readonly { id: string; name: LocalizedText }[];
  onClose: () => void;
}

type Field = 'name' | 'email' | 'serviceId';

/** Field errors hold translation keys, so they follow a language switch. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): Partial<Record<Field, string>> {
  const fields = new Set(issues.map((issue) => issue.path[0]));
  return Object.fromEntries(
    (['name', 'email', 'serviceId'] as const)
      .filter((field) => fields.has(field))
      .map((field) => [field, `addWorker.errors.${field}`]),
  );
}

/**
 * Only an administrator adds a person to a service: a worker login opens every family the
 * service works with. The answer is the same whether or not the address has a login already.
 */
export function AddWorkerForm({ services, onClose }: AddWorkerFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const addWorker = useAddWorker();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', serviceId: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    addWorker.reset();
  };

  if (addWorker.isSuccess) {
    const until = formatDateTimeParts(addWorker.data.expiresAt, language);
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="teal" variant="light" role="status" title={t('addWorker.sentTitle')}>
          {t('addWorker.sent', { email: addWorker.variables.email, date: until.date, time: until.time })}
        </Alert>
        <Button variant="default" onClick={onClose}>
          {t('addWorker.done')}
        </Button>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // The shared contract decides what a valid invitation is, and normalises the address.
        const result = createInvitationSchema.safeParse({ kind: 'worker', ...values });
        setErrors(result.success ? {} : fieldErrors(result.error.issues));
        if (result.success && result.data.kind === 'worker') addWorker.mutate(result.data);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('addWorker.intro')}</Text>
        <TextInput
          label={t('addWorker.name')}
          value={values.name}
          onChange={(event) => change('name', event.currentTarget.value)}
          error={errors.name ? t(errors.name) : undefined}
          maxLength={200}
        />
        <TextInput
          label={t('addWorker.email')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(event) => change('email', event.currentTarget.value)}
          error={errors.email ? t(errors.email) : undefined}
          maxLength={254}
        />
        <NativeSelect
          label={t('addWorker.service')}
          value={values.serviceId}
          onChange={(event) => change('serviceId', event.currentTarget.value)}
          error={errors.serviceId ? t(errors.serviceId) : undefined}
          data={[
            { value: '', label: t('addWorker.choose') },
            ...services.map((service) => ({ value: service.id, label: localizeText(service.name, language) })),
          ]}
        />
        {addWorker.isError && <SaveError error={addWorker.error} />}
        <FormButtons submitLabel={t('addWorker.submit')} pending={addWorker.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
