import { NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { serviceRoleSummarySchema, updateServiceRoleSchema, type ServiceRole } from '@yhdessa/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { DateField } from '../../../components/date-field';
import { invalidFields } from '../../../lib/form-errors';
import { formatDate, useLanguage } from '../../../lib/locale';
import { invalidatePlan } from '../../../lib/query-keys';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { serviceRoleWorkersQueryOptions, useChangeServiceRole } from '../api/service-role.mutations';
import { ServiceRoleState } from './service-role-state';
import { FormButtons } from '../../../components/form-buttons';

interface ServiceRoleFormProps {
  familyId: string;
  role: ServiceRole;
  /** The service's name, for the form's label. */
  serviceName: string;
  /** A worker sees the dates the coordinator set, and does not send them. */
  canSetDates: boolean;
  onDone: () => void;
}

/** What the service does in this plan, who answers for it, and from when to when. */
export function ServiceRoleForm({ familyId, role, serviceName, canSetDates, onDone }: ServiceRoleFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const workers = useQuery(serviceRoleWorkersQueryOptions(familyId, role.id));
  const queryClient = useQueryClient();
  const change = useChangeServiceRole(familyId);
  const conflict = useVersionConflict(serviceRoleSummarySchema);
  const [description, setDescription] = useState(role.description);
  const [responsibleAccountId, setResponsibleAccountId] = useState(role.responsibleWorker?.id ?? '');
  const [startsOn, setStartsOn] = useState(role.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(role.endsOn ?? '');
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const endsOnHintId = useId();

  function submit(version: number) {
    const parsed = updateServiceRoleSchema.safeParse({
      description,
      responsibleAccountId: responsibleAccountId || null,
      ...(canSetDates && { startsOn: startsOn || null, endsOn: endsOn || null }),
      version,
    });
    const faults = new Set(parsed.success ? [] : invalidFields(parsed.error));
    // ISO dates compare as text.
    if (startsOn && endsOn && endsOn < startsOn) faults.add('endsOn');
    setInvalid(faults);
    if (!parsed.success || faults.size > 0) return;
    conflict.clear();
    change.mutate(
      { kind: 'update', serviceRoleId: role.id, body: parsed.data },
      { onSuccess: onDone, onError: conflict.capture },
    );
  }

  // The current responsible worker stays on offer even when no longer listed among the service's workers.
  const people = [
    ...(workers.data ?? []),
    ...(role.responsibleWorker && !workers.data?.some((worker) => worker.id === role.responsibleWorker?.id)
      ? [role.responsibleWorker]
      : []),
  ];
  const current = conflict.current;
  return (
    <form
      noValidate
      aria-label={t('serviceRole.formLabel', { service: serviceName })}
      onSubmit={(event) => {
        event.preventDefault();
        submit(role.version);
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('serviceRole.description')}
          description={t('serviceRole.descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={invalid.has('description') ? t('serviceRole.descriptionTooLong') : undefined}
          maxLength={2000}
          autosize
          minRows={2}
          data-autofocus
        />
        <NativeSelect
          label={t('serviceRole.responsible')}
          data={[
            { value: '', label: t('plan.noResponsibleWorker') },
            ...people.map((person) => ({ value: person.id, label: person.name })),
          ]}
          value={responsibleAccountId}
          onChange={(event) => setResponsibleAccountId(event.currentTarget.value)}
          error={
            workers.isError
              ? t('serviceRole.workersFailed')
              : invalid.has('responsibleAccountId')
                ? t('serviceRole.responsibleInvalid')
                : undefined
          }
          disabled={workers.isPending}
        />
        {canSetDates ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField
                label={t('serviceRole.startsOn')}
                value={startsOn}
                onChange={setStartsOn}
                error={invalid.has('startsOn') ? t('serviceRole.dateInvalid') : undefined}
              />
              <DateField
                label={t('serviceRole.endsOn')}
                aria-describedby={endsOnHintId}
                value={endsOn}
                onChange={setEndsOn}
                error={invalid.has('endsOn') ? t('serviceRole.endsBeforeStart') : undefined}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={-6} id={endsOnHintId}>
              {t('serviceRole.endsOnHint')}
            </Text>
          </>
        ) : (
          <Text size="sm">
            {t('serviceRole.datesByCoordinator', {
              from: role.startsOn ? formatDate(role.startsOn, language) : '–',
              to: role.endsOn ? formatDate(role.endsOn, language) : '–',
            })}
          </Text>
        )}
        <SaveProblem
          error={change.error}
          conflict={
            current && (
              <ConflictAlert
                pending={change.isPending}
                onReapply={() => submit(current.version)}
                onDiscard={() => {
                  // The plan still shows the role as it was before the other change.
                  invalidatePlan(queryClient, familyId);
                  onDone();
                }}
              >
                <ServiceRoleState role={current} />
              </ConflictAlert>
            )
          }
        />
        {!current && <FormButtons submitLabel={t('serviceRole.save')} pending={change.isPending} onCancel={onDone} />}
      </Stack>
    </form>
  );
}
