import { Button, Group, Stack, Text } from '@mantine/core';
import type { CatalogueService } from '@yhdessa/shared';
import { useTranslation } from 'react-i18next';
import { NamedModal } from '../../../components/named-modal';
import { SaveError } from '../../../components/save-error';
import { localizeText, useLanguage } from '../../../lib/locale';
import { useSetServiceRetired } from '../api/catalogue-service.mutations';

/** Asks once more before a service is retired or taken back into use; null keeps it closed. */
export function ServiceRetirementModal({ service, onClose }: { service: CatalogueService | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const change = service?.retiredAt ? 'restore' : 'retire';
  const mutation = useSetServiceRetired(service?.id ?? '');
  const close = () => {
    mutation.reset();
    onClose();
  };

  return (
    <NamedModal opened={service !== null} onClose={close} title={t(`administration.${change}Confirm.title`)}>
      {service && (
        <Stack gap="md">
          <Text>{t(`administration.${change}Confirm.text`, { name: localizeText(service.name, language) })}</Text>
          <Text size="sm" c="dimmed">
            {t(`administration.${change}Confirm.consequence`)}
          </Text>
          {mutation.isError && <SaveError error={mutation.error} onRetry={() => mutation.mutate(change, { onSuccess: close })} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={change === 'retire' ? 'red' : undefined}
              loading={mutation.isPending}
              onClick={() => mutation.mutate(change, { onSuccess: close })}
            >
              {t(`administration.${change}Confirm.submit`)}
            </Button>
          </Group>
        </Stack>
      )}
    </NamedModal>
  );
}
