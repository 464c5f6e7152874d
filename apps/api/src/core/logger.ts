import { pino, type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Config } from './config';

/**
 * Blanked wherever a log call passes them by mistake (a body, a headers object, an error that
 * carries its request). Request lines never hold them in the first place: see `request-log.ts`.
 */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'secret',
  'cookie',
  'authorization',
  'recoveryCode',
  'recoveryCodes',
];
const REDACTED_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.${field}`),
  'req.headers["set-cookie"]',
  'res.headers["set-cookie"]',
];

/** Fields the pretty line already says in its message (see `request-log.ts`), or that say nothing at a terminal. */
const SAID_IN_THE_MESSAGE = 'pid,hostname,method,path,status,responseTime,reqId,actor';

/**
 * The one logger of a process. JSON lines by default in production, for log tooling; a readable
 * line per event elsewhere. `destination` is for tests; otherwise standard output.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>, destination?: DestinationStream): Logger {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (config.LOG_FORMAT === 'json') return destination ? pino(options, destination) : pino(options);
  const pretty = pinoPretty({
    destination: destination ?? 1,
    ...(destination ? { colorize: false } : {}),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: SAID_IN_THE_MESSAGE,
    messageFormat: (log, messageKey) => {
      const ids = [log.reqId && `req ${String(log.reqId)}`, log.actor && `actor ${String(log.actor)}`].filter(Boolean);
      const message = String(log[messageKey] ?? '');
      return ids.length > 0 ? `${message}  (${ids.join(', ')})` : message;
    },
  });
  return pino(options, pretty);
}
