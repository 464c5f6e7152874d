import { Alert, Card, Divider, SimpleGrid, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { planParts, type ConsentDecision, type FamilyConsents, type LocalizedText } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { localizeText, useLanguage } from '../../../lib/locale';
import { useDecideConsent } from '../api/decide-consent.mutation';

/** Why the switches cannot be changed by this user, if they cannot. */
export type ConsentReadOnlyReason = 'not-guardian' | 'professional' | 'closed';

interface ConsentBoardProps {
  familyId: string;
  consents: FamilyConsents;
  /** Service names by service id, from the plan. */
  serviceNames: Record<string, LocalizedText>;
  /** Known before any change is tried, e.g. the coordinator or a closed case. */
  readOnly?: ConsentReadOnlyReason;
  /** Professionals on a laptop get the services side by side. */
  dense?: boolean;
}

function errorKey(error: unknown): string | undefined {
  if (isApiError(error, 'not_found') || isApiError(error, 'forbidden') || isApiError(error, 'case_closed')) return undefined;
  return 'consents.saveFailed';
}

function trackColor(granted: boolean, locked: boolean): string | undefined {
  if (locked) return granted ? 'var(--mantine-color-indigo-3)' : 'var(--mantine-color-gray-4)';
  return granted ? undefined : 'var(--mantine-color-gray-6)';
}

/** One card per service, one switch per plan part: what that service may see. */
export function ConsentBoard({ familyId, consents, serviceNames, readOnly, dense }: ConsentBoardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const decide = useDecideConsent(familyId);
  // Only a guardian may decide; the server answers anyone else as if the consents did not exist.
  const [refused, setRefused] = useState<ConsentReadOnlyReason | undefined>();
  const lockedBy = readOnly ?? refused;
  const serviceName = (serviceId: string) => {
    const name = serviceNames[serviceId];
    return name ? localizeText(name, language) : t('consents.unknownService');
  };

  const change = (decision: ConsentDecision) =>
    decide.mutate(decision, {
      onError: (error) => {
        if (isApiError(error, 'not_found') || isApiError(error, 'forbidden')) setRefused('not-guardian');
        if (isApiError(error, 'case_closed')) setRefused('closed');
      },
    });

  const saved = decide.isSuccess && decide.variables;
  const failure = decide.isError ? errorKey(decide.error) : undefined;

  return (
    <Stack gap="md">
      {lockedBy && (
        <Alert color="gray" variant="outline" icon={<IconLock aria-hidden />} role={refused ? 'alert' : undefined}>
          {t(`consents.readOnly.${lockedBy}`)}
        </Alert>
      )}
      {failure && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t(failure)}
        </Alert>
      )}
      <VisuallyHidden role="status">
        {saved
          ? t(saved.granted ? 'consents.savedGranted' : 'consents.savedWithdrawn', {
              service: serviceName(saved.serviceId),
              part: t(`consents.part.${saved.part}.title`),
            })
          : ''}
      </VisuallyHidden>
      {consents.services.length === 0 && <Text size="sm">{t('consents.noServices')}</Text>}
      <SimpleGrid cols={dense ? { base: 1, md: 2 } : 1} spacing="md">
        {consents.services.map((service) => {
          const headingId = `consent-service-${service.serviceId}`;
          return (
            <Card key={service.serviceId} withBorder padding="md" component="section" aria-labelledby={headingId}>
              <Title order={2} size="h4" id={headingId} mb="sm">
                {serviceName(service.serviceId)}
              </Title>
              <Stack gap={0}>
                {planParts.map((part, index) => {
                  const pending =
                    decide.isPending && decide.variables.serviceId === service.serviceId && decide.variables.part === part;
                  const granted = pending ? decide.variables.granted : (service.parts[part] ?? false);
                  return (
                    <div key={part}>
                      {index > 0 && <Divider my="xs" />}
                      <Switch
                        size="md"
                        py={6}
                        label={t(`consents.part.${part}.title`)}
                        // The label element holds the description too; the name is the part, the rest describes it.
                        aria-label={t(`consents.part.${part}.title`)}
                        description={
                          <>
                            {t(`consents.part.${part}.description`)}{' '}
                            <Text span size="xs" fw={600} c={granted ? 'teal.9' : 'gray.8'}>
                              {granted ? t('consents.sees') : t('consents.doesNotSee')}
                            </Text>
                          </>
                        }
                        checked={granted}
                        disabled={Boolean(lockedBy)}
                        // Not disabled while saving: a disabled switch would throw the keyboard focus away.
                        onChange={(event) => {
                          if (!decide.isPending)
                            change({ serviceId: service.serviceId, part, granted: event.currentTarget.checked });
                        }}
                        styles={{
                          body: { alignItems: 'flex-start' },
                          labelWrapper: { flex: 1 },
                          // Mantine's pale off track is under the 3:1 a control needs against white (WCAG 1.4.11);
                          // read-only, the two states must still look different and the words stay readable.
                          track: {
                            backgroundColor: trackColor(granted, Boolean(lockedBy)),
                            cursor: lockedBy ? 'default' : undefined,
                          },
                          label: { color: 'var(--mantine-color-text)', cursor: lockedBy ? 'default' : undefined },
                          description: { color: 'var(--mantine-color-gray-8)' },
                        }}
                      />
                    </div>
                  );
                })}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
