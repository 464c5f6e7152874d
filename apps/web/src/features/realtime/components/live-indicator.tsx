import { Badge } from '@mantine/core';
import { IconBroadcast, IconBroadcastOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Says in words whether changes by others arrive by themselves right now. */
export function LiveIndicator({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      role="status"
      className="live-indicator"
      variant="outline"
      color={connected ? 'teal' : 'gray'}
      tt="none"
      size="md"
      leftSection={connected ? <IconBroadcast size={14} aria-hidden /> : <IconBroadcastOff size={14} aria-hidden />}
    >
      {connected ? t('realtime.live') : t('realtime.offline')}
    </Badge>
  );
}
