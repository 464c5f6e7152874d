import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../core/config';
import type { Database, Tx } from '../db/database';
import { insertOutboxMail, markMailSent } from './mail-outbox.repository';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /**
   * Writes the mail to the outbox in the request's transaction, so it exists exactly when the
   * change it tells of commits; with SMTP it is sent after the commit and marked sent. The
   * request waits for the sending unless `waitForSending` is false, for an answer whose timing
   * must not tell whether a mail went out.
   */
  queue(context: MailContext, mail: Mail, options?: { waitForSending?: boolean }): Promise<void>;
}

/** The request's transaction, and work that runs once it commits (the route kit's context has both). */
export interface MailContext {
  tx: Tx;
  afterCommit(work: () => Promise<void>): void;
}

/** What a flow that sends mail needs: the mailer and the address its links point to. */
export interface MailSettings {
  config: Pick<Config, 'PUBLIC_URL'>;
  mailer: Mailer;
}

/**
 * SMTP when `SMTP_URL` is set; otherwise none, and mail stays in the development outbox. The
 * request that queued a mail waits for its sending, so a mail server that does not answer is
 * given up on in seconds rather than nodemailer's default minutes.
 */
export function createSmtpTransport(config: Pick<Config, 'SMTP_URL'>): Transporter | null {
  if (!config.SMTP_URL) return null;
  return nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

export function createMailer(options: {
  transport: Transporter | null;
  database?: Database;
  from: string;
  logger?: Pick<Logger, 'error'>;
}): Mailer {
  const { transport, database, from, logger } = options;
  return {
    async queue(context, mail, queueOptions) {
      const id = await insertOutboxMail(context.tx, { to: mail.to, subject: mail.subject, body: mail.text });
      if (!transport || !database) return;
      const send = async () => {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        await markMailSent(database.db, id);
      };
      if (queueOptions?.waitForSending === false)
        context.afterCommit(async () => {
          // A failed mail stays unsent, with its body, in the outbox.
          void send().catch((error: unknown) => logger?.error({ err: error }, 'sending mail failed'));
        });
      else context.afterCommit(send);
    },
  };
}

/** Keeps mail in the outbox only; for listing routes without a running app. */
export const outboxOnlyMailer: Mailer = createMailer({ transport: null, from: '' });
