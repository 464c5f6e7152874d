import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange, IconClock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { handoverSchema, requestHandoverSchema, type FamilyDetail, type Handover } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, SaveProblem } from '../../../components/conflict-alert';
import { ErrorState } from '../../../components/error-state';
import { SaveError } from '../../../components/save-error';
import { LoadingState } from '../../../components/loading-state';
import { fieldError } from '../../../lib/form-errors';
import { formatDateTimeParts, useLanguage } from '../../../lib/locale';
import { useVersionConflict } from '../../../lib/use-version-conflict';
import { familyQueryOptions } from '../api/family.query';
import { handoverCandidatesQueryOptions, useChangeHandover } from '../api/handover.query';
import { NamedModal } from '../../../components/named-modal';

/** Shown to the coordinator while the case waits for its new coordinator's answer; the request can be withdrawn. */
export function PendingHandoverNotice({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const family = useQuery(familyQueryOptions(familyId));
  const withdraw = useChangeHandover(familyId);
  const pending = family.data?.pendingHandover;
  if (!family.data || !pending) return null;
  const { date, time } = formatDateTimeParts(pending.requestedAt, language);
  return (
    <Alert color="blue" variant="light" icon={<IconClock aria-hidden />} title={t('handover.pendingTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('handover.pendingText', { name: pending.to.name, date, time })}</Text>
        {withdraw.isError && (
          <SaveError error={withdraw.error} onRetry={() => withdraw.variables && withdraw.mutate(withdraw.variables)} />
        )}
        <Button
          variant="default"
          size="xs"
          loading={withdraw.isPending}
          onClick={() => withdraw.mutate({ kind: 'decline', version: family.data.version })}
        >
          {t('handover.withdraw')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The coordinator proposes another coordinator for the case; nothing moves until they accept. */
export function HandoverButton({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const family = useQuery(familyQueryOptions(familyId));
  const [open, setOpen] = useState(false);
  if (!family.data || family.data.pendingHandover || family.data.status === 'closed') return null;
  return (
    <>
      <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('handover.open')}
      </Button>
      <NamedModal opened={open} onClose={() => setOpen(false)} title={t('handover.title')}>
        {open && <HandoverForm family={family.data} onDone={() => setOpen(false)} />}
      </NamedModal>
    </>
  );
}

function HandoverForm({ family, onDone }: { family: FamilyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const candidates = useQuery(handoverCandidatesQueryOptions(family.id));
  const request = useChangeHandover(family.id);
  const conflict = useVersionConflict(handoverSchema);
  const form = useForm({
    initialValues: { toCoordinatorId: '' },
    validate: {
      toCoordinatorId: (id) => (requestHandoverSchema.shape.toCoordinatorId.safeParse(id).success ? null : 'handover.toRequired'),
    },
  });

  function submit(version: number) {
    if (form.validate().hasErrors) return;
    conflict.clear();
    request.mutate(
      { kind: 'request', body: { toCoordinatorId: form.getValues().toCoordinatorId, version } },
      { onSuccess: onDone, onError: conflict.capture },
    );
  }

  if (candidates.isPending) return <LoadingState />;
  if (candidates.isError) return <ErrorState title={t('handover.candidatesFailed')} onRetry={() => void candidates.refetch()} />;
  const current = conflict.current;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(family.version);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('handover.intro', { family: family.name })}</Text>
        <Text size="sm">{t('handover.afterAccept')}</Text>
        {candidates.data.length === 0 ? (
          <Text size="sm" fw={600}>
            {t('handover.noCandidates')}
          </Text>
        ) : (
          <NativeSelect
            label={t('handover.to')}
            data={[
              { value: '', label: t('handover.choose'), disabled: true },
              ...candidates.data.map((coordinator) => ({ value: coordinator.id, label: coordinator.name })),
            ]}
            {...form.getInputProps('toCoordinatorId')}
            error={fieldError(t, form.errors, 'toCoordinatorId')}
            required
          />
        )}
        <SaveProblem
          error={request.error}
          conflict={
            current && (
              <ConflictAlert
                pending={request.isPending}
                onReapply={() => submit(current.family.version)}
                onDiscard={onDone}
                reapplyLabel={t('handover.requestAnyway')}
              >
                <HandoverState handover={current} />
              </ConflictAlert>
            )
          }
        />
        {!current && (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone} disabled={request.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending} disabled={candidates.data.length === 0}>
              {t('handover.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Who coordinates the case now, and whom a handover waits for, if anyone. */
export function HandoverState({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('handover.coordinatorNow', { name: handover.coordinator.name })}{' '}
      {handover.pending ? t('handover.waitingFor', { name: handover.pending.to.name }) : t('handover.noneWaiting')}
    </Text>
  );
}
