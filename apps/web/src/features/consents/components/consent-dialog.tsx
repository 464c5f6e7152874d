import { Alert, Button, Divider, Group, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { planParts, type ConsentDecision, type FamilyConsents } from '@yhdessa/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedModal } from '../../../components/named-modal';
import { isApiError } from '../../../lib/api-client';
import { useChangeRoleVisibility } from '../api/change-role-visibility.mutation';
import { useDecideConsent } from '../api/decide-consent.mutation';
import type { ConsentReadOnlyReason } from './consent-board';

interface ConsentDialogProps {
  familyId: string;
  service: FamilyConsents['services'][number];
  serviceName: string;
  partsLockedBy?: ConsentReadOnlyReason;
  hideLocked: boolean;
  onRefused: (reason: ConsentReadOnlyReason) => void;
  onClose: () => void;
}

function trackColor(granted: boolean, locked: boolean): string | undefined {
  if (locked) return granted ? 'var(--mantine-color-indigo-3)' : 'var(--mantine-color-gray-4)';
  return granted ? undefined : 'var(--mantine-color-gray-6)';
}

/** One switch, styled for reading as well as for changing: the state stays clear when it is locked. */
function ConsentSwitch(props: {
  label: string;
  description: ReactNode;
  checked: boolean;
  locked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Switch
      size="md"
      py={6}
      label={props.label}
      // The label element holds the description too; the name is the label, the rest describes it.
      aria-label={props.label}
      description={props.description}
      checked={props.checked}
      disabled={props.locked}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
      styles={{
        body: { alignItems: 'flex-start' },
        labelWrapper: { flex: 1 },
        // Mantine's pale off track is under the 3:1 a control needs against white (WCAG 1.4.11);
        // read-only, the two states must still look different and the words stay readable.
        track: { backgroundColor: trackColor(props.checked, props.locked), cursor: props.locked ? 'default' : undefined },
        label: { color: 'var(--mantine-color-text)', cursor: props.locked ? 'default' : undefined },
        description: { color: 'var(--mantine-color-gray-8)' },
      }}
    />
  );
}

/** What one service may see, part by part, and whether the other services know it is involved: each switch saves at once. */
export function ConsentDialog({
  familyId,
  service,
  serviceName,
  partsLockedBy,
  hideLocked,
  onRefused,
  onClose,
}: ConsentDialogProps) {
  const { t } = useTranslation();
  const decide = useDecideConsent(familyId);
  const changeVisibility = useChangeRoleVisibility(familyId);
  const { serviceRole } = service;

  const refuse = (error: unknown) => {
    if (isApiError(error, 'not_found') || isApiError(error, 'forbidden')) onRefused('not-guardian');
    if (isApiError(error, 'case_closed')) onRefused('closed');
  };
  const decidePart = (decision: ConsentDecision) => {
    // Not disabled while saving: a disabled switch would throw the keyboard focus away.
    if (!decide.isPending) decide.mutate(decision, { onError: refuse });
  };
  const hide = (hiddenFromOtherServices: boolean) => {
    if (!changeVisibility.isPending)
      changeVisibility.mutate(
        { serviceRoleId: serviceRole.id, hiddenFromOtherServices, version: serviceRole.version },
        { onError: refuse },
      );
  };

  const savedPart = decide.isSuccess && decide.variables;
  const savedHide = changeVisibility.isSuccess && changeVisibility.variables;
  const failure = [decide, changeVisibility].find(
    (mutation) =>
      mutation.isError &&
      !isApiError(mutation.error, 'not_found') &&
      !isApiError(mutation.error, 'forbidden') &&
      !isApiError(mutation.error, 'case_closed'),
  );
  const hidden = changeVisibility.isPending
    ? changeVisibility.variables.hiddenFromOtherServices
    : serviceRole.hiddenFromOtherServices;

  return (
    <NamedModal opened onClose={onClose} title={serviceName} size="lg">
      <Stack gap="md">
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {isApiError(failure.error, 'version_conflict') ? t('privacy.hideConflict') : t('consents.saveFailed')}
          </Alert>
        )}
        <VisuallyHidden role="status">
          {savedPart
            ? t(savedPart.granted ? 'consents.savedGranted' : 'consents.savedWithdrawn', {
                service: serviceName,
                part: t(`consents.part.${savedPart.part}.title`),
              })
            : savedHide
              ? t(savedHide.hiddenFromOtherServices ? 'privacy.savedHidden' : 'privacy.savedShown', { service: serviceName })
              : ''}
        </VisuallyHidden>
        <Stack component="section" gap={0} aria-labelledby="consent-parts-title">
          <Title order={3} size="h4" id="consent-parts-title" mb="xs">
            {t('privacy.partsTitle')}
          </Title>
          {partsLockedBy === 'professional' && (
            <Alert color="gray" variant="outline" icon={<IconLock aria-hidden />} mb="xs">
              {t('consents.readOnly.professional')}
            </Alert>
          )}
          {planParts.map((part, index) => {
            const pending = decide.isPending && decide.variables.part === part;
            const granted = pending ? decide.variables.granted : (service.parts[part] ?? false);
            return (
              <div key={part}>
                {index > 0 && <Divider my="xs" />}
                <ConsentSwitch
                  label={t(`consents.part.${part}.title`)}
                  description={
                    <>
                      {t(`consents.part.${part}.description`)}{' '}
                      <Text span size="xs" fw={600} c={granted ? 'teal.9' : 'gray.8'}>
                        {granted ? t('consents.sees') : t('consents.doesNotSee')}
                      </Text>
                    </>
                  }
                  checked={granted}
                  locked={Boolean(partsLockedBy)}
                  onChange={(checked) => decidePart({ serviceId: service.serviceId, part, granted: checked })}
                />
              </div>
            );
          })}
        </Stack>
        <Stack component="section" gap={0} aria-labelledby="consent-hide-title">
          <Title order={3} size="h4" id="consent-hide-title" mb="xs">
            {t('privacy.hideTitle')}
          </Title>
          <ConsentSwitch
            label={t('privacy.hideSwitch')}
            description={t('privacy.hideDescription')}
            checked={hidden}
            locked={hideLocked}
            onChange={hide}
          />
        </Stack>
        <Group justify="flex-end">
          <Button size="md" onClick={onClose}>
            {t('privacy.done')}
          </Button>
        </Group>
      </Stack>
    </NamedModal>
  );
}
