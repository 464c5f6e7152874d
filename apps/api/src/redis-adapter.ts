import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { RealtimeServer } from './socket-server';

/** Shares room broadcasts between API instances (on channels named from `channel`); returns a closer for shutdown. */
export async function useRedisAdapter(io: RealtimeServer, redisUrl: string, channel: string): Promise<() => Promise<void>> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: channel }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
