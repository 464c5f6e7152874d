import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { planParts, type FamilyConsents, type LocalizedText } from '@yhdessa/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeText, useLanguage } from '../../../lib/locale';
import { ConsentDialog } from './consent-dialog';

/** Why the switches cannot be changed by this user, if they cannot. */
export type ConsentReadOnlyReason = 'not-guardian' | 'professional' | 'closed';

interface ConsentBoardProps {
  familyId: string;
  consents: FamilyConsents;
  /** Service names by service id, from the plan. */
  serviceNames: Record<string, LocalizedText>;
  /** Known before any change is tried, e.g. the coordinator or a closed case: the plan parts cannot be changed. */
  readOnly?: ConsentReadOnlyReason;
  /** Whether the user may keep a service from the other services (a guardian or the coordinator, in an open case). */
  mayHide: boolean;
}

/**
 * One line per service saying in plain words what it can see, and whether the other services
 * know it is involved; "Change" opens the service's switches in a dialog.
 */
export function ConsentBoard({ familyId, consents, serviceNames, readOnly, mayHide }: ConsentBoardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Only a guardian may decide; the server answers anyone else as if the consents did not exist.
  const [refused, setRefused] = useState<ConsentReadOnlyReason | undefined>();
  const [openServiceId, setOpenServiceId] = useState<string | null>(null);
  const partsLockedBy = readOnly ?? refused;
  const hideLocked = !mayHide || refused !== undefined;
  const serviceName = (serviceId: string) => {
    const name = serviceNames[serviceId];
    return name ? localizeText(name, language) : t('consents.unknownService');
  };
  const listFormat = new Intl.ListFormat(language, { type: 'conjunction' });
  const openService = consents.services.find((service) => service.serviceId === openServiceId);

  return (
    <Stack gap="md">
      {/* The coordinator's reason is told in the dialog, next to the switches it locks. */}
      {partsLockedBy && partsLockedBy !== 'professional' && (
        <Alert color="gray" variant="outline" icon={<IconLock aria-hidden />} role={refused ? 'alert' : undefined}>
          {t(`consents.readOnly.${partsLockedBy}`)}
        </Alert>
      )}
      {consents.services.length === 0 && <Text size="sm">{t('consents.noServices')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('privacy.servicesList')}>
        {consents.services.map((service) => {
          const name = serviceName(service.serviceId);
          const seen = planParts.filter((part) => service.parts[part]);
          return (
            <Card key={service.serviceId} component="li" withBorder padding="md">
              <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
                <Stack gap={2}>
                  <Text>
                    <Text span fw={700}>
                      {name}
                    </Text>{' '}
                    {seen.length > 0
                      ? t('privacy.sees', {
                          parts: listFormat.format(seen.map((part) => t(`privacy.partObject.${part}`))),
                        })
                      : t('privacy.seesNothing')}
                  </Text>
                  {service.serviceRole.hiddenFromOtherServices && (
                    <Text size="sm" c="gray.8">
                      {t('privacy.hiddenLine')}
                    </Text>
                  )}
                </Stack>
                {(!partsLockedBy || !hideLocked) && (
                  <Button
                    variant="default"
                    size="md"
                    style={{ flexShrink: 0 }}
                    aria-label={t('privacy.changeLabel', { service: name })}
                    onClick={() => setOpenServiceId(service.serviceId)}
                  >
                    {t('privacy.change')}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {openService && (
        <ConsentDialog
          familyId={familyId}
          service={openService}
          serviceName={serviceName(openService.serviceId)}
          partsLockedBy={partsLockedBy}
          hideLocked={hideLocked}
          onRefused={setRefused}
          onClose={() => setOpenServiceId(null)}
        />
      )}
    </Stack>
  );
}
