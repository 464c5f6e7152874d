import { Button, Group, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormButtonsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  size?: MantineSize;
}

/** Save and cancel at the end of an inline form; cancelling waits while a save is on its way. */
export function FormButtons({ submitLabel, pending, onCancel, size }: FormButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" size={size} loading={pending}>
        {submitLabel}
      </Button>
      <Button variant="default" size={size} onClick={onCancel} disabled={pending}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
