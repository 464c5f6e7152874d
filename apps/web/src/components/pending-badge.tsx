import { Badge } from '@mantine/core';
import { IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** On an item: a change to it waits for the connection, said in words and with an icon. */
export function PendingBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="orange" tt="none" size="md" leftSection={<IconCloudUp size={14} aria-hidden />}>
      {t('offline.waiting')}
    </Badge>
  );
}
