import { Alert, CloseButton, Group, Text } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSocket, type AppSocket } from '../../../lib/socket-client';
import type { AwaySummary } from '../away-changes';
import { useSocketConnected } from '../hooks/use-socket-connected';
import { realtimeStateOf } from '../realtime-state';
import classes from './connection-banner.module.css';

/** A drop shorter than this passes unannounced: a reconnect usually takes a second. */
export const DOWN_NOTICE_MS = 3_000;
/** How long the "back again" summary stays unless closed. */
const BACK_NOTICE_MS = 30_000;

/**
 * Says plainly, at the bottom of every screen, when the live connection has been down for more
 * than three seconds, and what arrived once it came back.
 */
export function ConnectionBanner() {
  const socket = useSocket();
  return socket && <SocketBanner socket={socket} />;
}

function SocketBanner({ socket }: { socket: AppSocket }) {
  const { t } = useTranslation();
  const connected = useSocketConnected(socket);
  const { away } = realtimeStateOf(socket);
  const summary = useSyncExternalStore(away.subscribe, away.current);
  const [dropAnnounced, setDropAnnounced] = useState(false);

  useEffect(() => {
    // Only a connection the app wants back counts as lost; a signed-out socket is closed on purpose.
    if (connected || !socket.active) return undefined;
    const timer = setTimeout(() => {
      away.clear();
      setDropAnnounced(true);
    }, DOWN_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [connected, socket, away]);

  useEffect(() => {
    if (!connected || !dropAnnounced) return undefined;
    const timer = setTimeout(() => setDropAnnounced(false), BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [connected, dropAnnounced]);

  if (!dropAnnounced) return null;
  const close = () => {
    setDropAnnounced(false);
    away.clear();
  };
  if (!connected)
    return (
      <div className={classes.banner}>
        <Alert
          role="alert"
          color="orange"
          variant="filled"
          icon={<IconPlugConnectedX aria-hidden />}
          title={t('connection.downTitle')}
        >
          {t('connection.downText')}
        </Alert>
      </div>
    );
  return (
    <div className={classes.banner}>
      <Alert role="status" color="teal" variant="light" icon={<IconPlugConnected aria-hidden />}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700}>{t('connection.backTitle')}</Text>
            {summary && <Text size="sm">{summaryText(t, summary)}</Text>}
          </div>
          <CloseButton aria-label={t('connection.close')} onClick={close} />
        </Group>
      </Alert>
    </div>
  );
}

function summaryText(t: (key: string, options?: Record<string, unknown>) => string, summary: AwaySummary): string {
  if (summary.readAgain) return t('connection.readAgain');
  const parts = Object.entries(summary.kinds).map(([kind, count]) => t(`connection.kind.${kind}`, { count }));
  return parts.length === 0 ? t('connection.nothingMissed') : t('connection.missed', { changes: parts.join(', ') });
}
