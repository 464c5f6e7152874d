import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { authenticate } from './features/auth/authenticate.middleware';
import { RememberedSessions } from './features/auth/remembered-sessions';
import { SESSION_COOKIE } from './features/auth/session-token';
import type { Config } from './core/config';
import { healthHandler } from './features/health/health.routes';
import { AppError } from './core/app-error';
import { createOriginCheck, requireSameOriginWrites, trustedProxies } from './http/same-origin';
import { mountRoutes, type RouteDependencies } from './http/mount-routes';
import { ReadCommitQueue } from './http/read-commits';
import { WriteCommitQueue } from './http/write-commits';
import { VersionedCache } from './db/versioned-cache';
import { apiNotFound, problemMiddleware } from './http/problem.middleware';
import { requestLogger } from './http/request-log';
import { compressResponses, serveWebClient } from './http/web-client';
import { createMailer, createSmtpTransport } from './mail/mailer';
import { buildOpenApiDocument } from './http/openapi-document';
import { notifyOfFamilyEvent } from './features/notifications';
import { apiRoutes } from './routes';

export interface AppDependencies extends RouteDependencies {
  config: Config;
  logger: Logger;
  /** Overrides the SMTP transport `SMTP_URL` would give (tests pass a nodemailer JSON transport). */
  mailTransport?: Transporter;
}

/** Routes outside the route table, each public on purpose. */
export const infrastructureRoutes = [
  { method: 'get', path: '/api/health', why: 'load balancers and operators check liveness without signing in' },
  { method: 'get', path: '/api/openapi.json', why: 'the API description is public documentation' },
] as const;

/**
 * Relationships and plans (as each reader sees them) kept in memory for batched reads, the least
 * recently used dropped first. A plan entry holds its objects, tens of KB for a plan like the
 * demo's 8.8 KB of JSON (not measured per entry), so the bound is kept modest.
 */
const READ_CACHE_ENTRIES = 5_000;

/** Builds the whole HTTP app without listening, so tests drive it in-process. */
export function buildApp(deps: AppDependencies): Express {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store, so an ETag (a hash of every body `res.send` answers) would never be
  // asked about; files keep theirs (sendFile and express.static make their own from the file,
  // as long as the setting is on, hence a function that gives none rather than `false`).
  app.set('etag', () => undefined);
  app.set('trust proxy', trustedProxies(config.TRUST_PROXY));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      strictTransportSecurity: config.NODE_ENV === 'production',
    }),
  );
  app.use(compressResponses());
  app.use(requestLogger(deps.logger));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.get('/health', healthHandler(deps.database));
  const mailer = createMailer({
    transport: deps.mailTransport ?? createSmtpTransport(config),
    database: deps.database,
    from: config.MAIL_FROM,
    logger: deps.logger,
  });
  const routes = apiRoutes(config, mailer);
  // Generated when first asked for: it takes about a second of CPU, which every start (and every test's app) paid.
  let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;
  api.get('/openapi.json', (_req, res) => {
    openApiDocument ??= buildOpenApiDocument(routes);
    res.json(openApiDocument);
  });
  api.use(requireSameOriginWrites(createOriginCheck(config)));
  // Each route checks its own body's media type (JSON, or CSV for a file upload) in mountRoutes.
  api.use(express.json({ limit: '100kb' }));
  api.use(cookieParser());
  // Per address: guessing passwords, and asking for reset links (each writes a row and sends a mail).
  const perAddress = (detail: string) =>
    rateLimit({
      windowMs: 60_000,
      limit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new AppError('rate_limited', detail)),
    });
  api.use('/auth/login', perAddress('Too many sign-in attempts from here. Wait a minute and try again.'));
  api.use('/auth/password-reset', perAddress('Too many password-reset requests from here. Wait a minute and try again.'));
  const sessions = new RememberedSessions(config);
  api.use(authenticate(deps.database, sessions));
  mountRoutes(
    api,
    routes,
    { ...deps, onFamilyEvent: notifyOfFamilyEvent },
    {
      commits: new ReadCommitQueue(deps.database, sessions.liveIds),
      cache: new VersionedCache(READ_CACHE_ENTRIES),
      writes: new WriteCommitQueue(deps.database),
    },
  );
  api.use(apiNotFound);
  app.use('/api', api);
  app.use(problemMiddleware);

  serveWebClient(app, config.WEB_DIST, SESSION_COOKIE);
  return app;
}
