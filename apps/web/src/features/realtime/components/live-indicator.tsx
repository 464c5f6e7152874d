import { Badge } from '@mantine/core';
import { IconBroadcast, IconBroadcastOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface LiveIndicatorProps {
  connected: boolean;
  /** The live connection is still being opened, after the screen's first paint: not yet a lost one. */
  connecting?: boolean;
}

/** Says in words whether changes by others arrive by themselves right now. */
export function LiveIndicator({ connected, connecting = false }: LiveIndicatorProps) {
  const { t } = useTranslation();
  const state = connected ? 'live' : connecting ? 'connecting' : 'offline';
  return (
    <Badge
      role="status"
      className="live-indicator"
      variant="outline"
      color={state === 'offline' ? 'gray' : 'teal'}
      tt="none"
      size="md"
      leftSection={state === 'offline' ? <IconBroadcastOff size={14} aria-hidden /> : <IconBroadcast size={14} aria-hidden />}
    >
      {t(`realtime.${state}`)}
    </Badge>
  );
}
