import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createServiceSchema, updateServiceSchema, type CatalogueService, type CreateService } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { SaveError } from '../../../components/save-error';
import { numberInputFormat, useLanguage } from '../../../lib/locale';
import { useCreateService, useUpdateService } from '../api/catalogue-service.mutations';
import { organisationsQueryOptions } from '../api/organisations.query';
import { serviceCatalogueQueryOptions } from '../api/service-catalogue.query';
import { knownCategories, knownUnits, useCatalogueLabels } from '../hooks/use-catalogue-labels';

interface Draft {
  nameFi: string;
  nameSv: string;
  nameEn: string;
  category: string;
  organisationId: string;
  unit: string;
  /** Euros as typed; cents only go to the server. */
  unitCost: string | number;
  description: string;
  contact: string;
}
type Field = keyof Draft;

const emptyDraft: Draft = {
  nameFi: '',
  nameSv: '',
  nameEn: '',
  category: '',
  organisationId: '',
  unit: '',
  unitCost: '',
  description: '',
  contact: '',
};

function draftOf(service: CatalogueService): Draft {
  return {
    nameFi: service.name.fi,
    nameSv: service.name.sv ?? '',
    nameEn: service.name.en ?? '',
    category: service.category,
    organisationId: service.organisation.id,
    unit: service.unit,
    unitCost: service.unitCostCents / 100,
    description: service.description,
    contact: service.contact,
  };
}

function bodyOf(draft: Draft) {
  return {
    name: { fi: draft.nameFi, sv: draft.nameSv, en: draft.nameEn },
    category: draft.category,
    organisationId: draft.organisationId,
    unit: draft.unit,
    unitCostCents: draft.unitCost === '' ? Number.NaN : Math.round(Number(draft.unitCost) * 100),
    description: draft.description,
    contact: draft.contact,
  };
}

/** Which form field a schema issue belongs to, by its path in the request body. */
function fieldOf(path: readonly PropertyKey[]): Field {
  if (path[0] === 'name') return path[1] === 'sv' ? 'nameSv' : path[1] === 'en' ? 'nameEn' : 'nameFi';
  return path[0] === 'unitCostCents' ? 'unitCost' : (path[0] as Field);
}

/** Only the fields that changed: a change replaces just those, so a colleague's edit of another field stands. */
function changesFrom(saved: ReturnType<typeof bodyOf>, edited: CreateService): Partial<CreateService> {
  return Object.fromEntries(
    Object.entries(edited).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof CreateService])),
  );
}

interface ServiceFormProps {
  /** The entry to edit; without it the form adds a new one. */
  service?: CatalogueService;
  onDone: () => void;
}

/** Adds or edits a catalogue entry: every field, checked against the shared contract before it is sent. */
export function ServiceForm({ service, onDone }: ServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useCatalogueLabels();
  const organisations = useQuery(organisationsQueryOptions());
  const catalogue = useQuery(serviceCatalogueQueryOptions());
  const create = useCreateService();
  const update = useUpdateService(service?.id ?? '');
  const save = service ? update : create;
  const [draft, setDraft] = useState<Draft>(service ? draftOf(service) : emptyDraft);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  /** When an edited price starts; empty means today in the municipality. */
  const [priceValidFrom, setPriceValidFrom] = useState('');

  if (organisations.isPending) return <LoadingState />;
  if (organisations.isError)
    return <ErrorState title={t('catalogue.organisationsFailed')} onRetry={() => void organisations.refetch()} />;

  function change(field: Field, value: string | number) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    save.reset();
  }

  function submit() {
    const parsed = createServiceSchema.safeParse(bodyOf(draft));
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[fieldOf(issue.path)] ??= t(`catalogue.errors.${fieldOf(issue.path)}`);
      setErrors(found);
      return;
    }
    if (!service) return create.mutate(parsed.data, { onSuccess: onDone });
    const changed = changesFrom(bodyOf(draftOf(service)), parsed.data);
    const changes = updateServiceSchema.parse(
      changed.unitCostCents !== undefined && priceValidFrom ? { ...changed, priceValidFrom } : changed,
    );
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  }

  const bind = (field: Field) => ({
    value: draft[field] as string,
    onChange: (event: { currentTarget: { value: string } }) => change(field, event.currentTarget.value),
    error: errors[field],
  });
  /** A code field offers the known codes, those already in the catalogue, and the entry's own. */
  const codes = (field: 'category' | 'unit', known: readonly string[], label: (code: string) => string) =>
    [...new Set([...known, ...(catalogue.data ?? []).map((entry) => entry[field]), ...(service ? [service[field]] : [])])].map(
      (code) => ({ value: code, label: label(code) }),
    );
  const choice = (field: 'category' | 'organisationId' | 'unit', label: string, options: { value: string; label: string }[]) => (
    <NativeSelect {...bind(field)} label={label} required data={[{ value: '', label: t('catalogue.form.choose') }, ...options]} />
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Fieldset legend={t('catalogue.form.name')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput {...bind('nameFi')} label={t('catalogue.form.nameFi')} maxLength={200} required data-autofocus />
            <TextInput {...bind('nameSv')} label={t('catalogue.form.nameSv')} maxLength={200} required />
            <TextInput {...bind('nameEn')} label={t('catalogue.form.nameEn')} maxLength={200} required />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {choice('category', t('catalogue.form.category'), codes('category', knownCategories, labels.category))}
          {choice(
            'organisationId',
            t('catalogue.form.organisation'),
            organisations.data.map((organisation) => ({ value: organisation.id, label: organisation.name })),
          )}
          {choice('unit', t('catalogue.form.unit'), codes('unit', knownUnits, labels.unit))}
          <NumberInput
            label={t('catalogue.form.unitCost')}
            description={t('catalogue.form.unitCostHint')}
            value={draft.unitCost}
            onChange={(value) => change('unitCost', value)}
            error={errors.unitCost}
            required
            min={0}
            max={1_000_000}
            decimalScale={2}
            fixedDecimalScale
            allowNegative={false}
            {...numberInputFormat(language)}
            hideControls
          />
          {service && (
            <DateField
              label={t('catalogue.form.priceValidFrom')}
              description={t('catalogue.form.priceValidFromHint')}
              value={priceValidFrom}
              onChange={setPriceValidFrom}
            />
          )}
        </SimpleGrid>
        <Textarea
          {...bind('description')}
          label={t('catalogue.form.description')}
          maxLength={2_000}
          autosize
          minRows={2}
          maxRows={6}
        />
        <TextInput
          {...bind('contact')}
          label={t('catalogue.form.contact')}
          description={t('catalogue.form.contactHint')}
          maxLength={500}
        />
        {save.isError && <SaveError error={save.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {service ? t('catalogue.form.saveChanges') : t('catalogue.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
