import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Relative to where the command was run (pnpm runs scripts inside the package, INIT_CWD keeps
   * the caller's). Without it: `./.data/demo` in demo mode, `./.data/production` otherwise, so a
   * production start never opens the demo world's database.
   */
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  /** The prefix of the Redis adapter's channels: deployments that share one Redis server need different ones. */
  REDIS_CHANNEL: z.string().min(1).default('socket.io'),
  DEMO: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per request, for a person at a terminal; `json`: one object per line, for log tooling. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** The web client's build, served on the same origin. */
  WEB_DIST: z.string().default(path.resolve(__dirname, '../../../web/dist')),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** How often each live connection has its session and access checked again. */
  SOCKET_RECHECK_SECONDS: z.coerce.number().int().min(1).default(60),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Where people open the product; links in mail point here. */
  PUBLIC_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  /** `smtp://user:pass@host:587` or `smtps://...`; without it mail stays in the development outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Yhdessä <no-reply@localhost>'),
  /**
   * Which proxies in front may set X-Forwarded-For and X-Forwarded-Proto: Express's 'trust proxy'
   * values (`loopback`, addresses or CIDRs separated by commas, or a hop count). None by default,
   * so a client cannot pick its own address for the sign-in rate limit.
   */
  TRUST_PROXY: z.string().default(''),
});

/** Every environment variable the server reads (docs/operations.md and the deploy files name no others). */
export const configVariables = Object.keys(environmentSchema.shape);

const productionRules = environmentSchema
  .refine((environment) => !(environment.DEMO && environment.NODE_ENV === 'production'), {
    path: ['DEMO'],
    message: 'demo mode publishes its logins and skips the second factor: it cannot run with NODE_ENV=production',
  })
  .refine((environment) => environment.SMTP_URL || environment.NODE_ENV !== 'production', {
    path: ['SMTP_URL'],
    message:
      'production sends invitations and password resets by mail: set SMTP_URL (the development outbox exists only outside production)',
  });

export type Config = Omit<z.infer<typeof environmentSchema>, 'DATA_DIR' | 'LOG_FORMAT'> & {
  DATA_DIR: string;
  LOG_FORMAT: 'pretty' | 'json';
  secureCookies: boolean;
};

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = productionRules.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const dataDir = parsed.data.DATA_DIR ?? (parsed.data.DEMO ? './.data/demo' : './.data/production');
  return {
    ...parsed.data,
    DATA_DIR: dataDir === 'memory://' ? dataDir : path.resolve(process.env.INIT_CWD ?? process.cwd(), dataDir),
    LOG_FORMAT: parsed.data.LOG_FORMAT ?? (parsed.data.NODE_ENV === 'production' ? 'json' : 'pretty'),
    secureCookies: parsed.data.NODE_ENV === 'production',
  };
}
