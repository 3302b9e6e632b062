import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, DATA_SOURCE, LOGGER, type Logger, whileLeased } from '@resocc/core';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';

const POLL_MS = 500;
const BATCH = 50;
const MAX_BACKOFF_S = 600;
/** How long a claim owns its e-mails unless renewed (renewed every third while it sends). */
export const MAIL_LEASE_MS = 30_000;
/** Attempts after which an e-mail is given up (about a day and a half of retries). */
export const MAIL_MAX_ATTEMPTS = 12;
const FROM = "RES'OCC <ne-pas-repondre@resocc.example>";

interface EmailRow {
  id: string;
  recipient: string;
  subject: string;
  text: string;
}

/** Where queued e-mails go: SMTP_URL, or (development without it) .eml files in DATA_DIR/mail. */
export function mailDelivery(config: AppConfig): 'smtp' | 'files' | 'none' {
  if (config.smtpUrl) return 'smtp';
  return config.nodeEnv === 'development' ? 'files' : 'none';
}

/** The Message-ID of a queued e-mail: the same on every attempt, so a resent copy can be recognised. */
export function messageId(emailId: string, webUrl: string): string {
  return `<${emailId}@${new URL(webUrl).hostname}>`;
}

/** SMTP refusals that no retry will change (5xx: unknown mailbox, rejected content...). */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends the queued e-mails (email_outbox) through SMTP_URL, several processes safely, with
 * no transaction open while the SMTP server is talked to:
 * 1. claim: one short transaction gives a batch of ready e-mails a lease (token and
 *    expiry) and commits;
 * 2. send each one, with a Message-ID derived from its id;
 * 3. delete it once the server accepted it (only if the claim still owns it).
 * A process that dies between 2 and 3 leaves a lease that expires: the e-mail is sent
 * again with the same Message-ID (at least once; the receiving side can recognise the
 * copy). A failure is retried with exponential backoff and never reaches the decision that
 * queued the e-mail; a permanent refusal (5xx) or the last attempt sets it aside (failed_at,
 * logged at error). In development without SMTP_URL each e-mail is written to
 * DATA_DIR/mail/ as an .eml file, and its subject and links are logged, so that a person
 * trying the platform can follow them.
 */
@Injectable()
export class Mailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private files: string | null = null;

  onApplicationBootstrap(): void {
    const delivery = mailDelivery(this.config);
    if (delivery === 'none') return;
    if (delivery === 'smtp') {
      this.transport = nodemailer.createTransport(this.config.smtpUrl);
    } else {
      this.files = join(this.config.dataDir, 'mail');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.transport?.close();
    this.transport = null;
  }

  kick(): void {
    if (this.running || !this.transport) return;
    this.running = this.sendPending()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'e-mail queue could not be drained; will retry'),
      )
      .finally(() => {
        this.running = null;
      });
  }

  /** Claims, sends and settles one batch of ready e-mails; returns how many were sent. */
  async sendPending(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const token = randomUUID();
    // An UPDATE answers [rows, affected] through TypeORM.
    const [rows]: [EmailRow[], number] = await this.dataSource.query(
      `WITH ready AS (
         SELECT id FROM email_outbox
         WHERE failed_at IS NULL AND available_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE email_outbox e SET claim_token = $2, claimed_until = now() + make_interval(secs => $3::float8)
       FROM ready WHERE e.id = ready.id
       RETURNING e.id, e.recipient, e.subject, e.text`,
      [BATCH, token, MAIL_LEASE_MS / 1000],
    );
    if (rows.length === 0) return 0;
    const renew = (): Promise<unknown> =>
      this.dataSource.query(
        `UPDATE email_outbox SET claimed_until = now() + make_interval(secs => $2::float8) WHERE claim_token = $1`,
        [token, MAIL_LEASE_MS / 1000],
      );
    return whileLeased(renew, MAIL_LEASE_MS, () => this.send(transport, token, rows));
  }

  private async send(transport: Transporter, token: string, rows: readonly EmailRow[]): Promise<number> {
    let sent = 0;
    for (const row of rows) {
      try {
        const info: { message?: unknown } = await transport.sendMail({
          from: FROM,
          to: row.recipient,
          subject: row.subject,
          text: row.text,
          messageId: messageId(row.id, this.config.webUrl),
        });
        if (this.files) await this.writeFile(row, info.message);
        await this.dataSource.query(`DELETE FROM email_outbox WHERE id = $1 AND claim_token = $2`, [row.id, token]);
        sent++;
      } catch (error) {
        await this.retryLater(row, token, error);
      }
    }
    return sent;
  }

  private async retryLater(row: EmailRow, token: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const [updated]: [{ attempts: number; failed: boolean }[], number] = await this.dataSource.query(
      `UPDATE email_outbox SET attempts = attempts + 1, last_error = $3, claim_token = NULL, claimed_until = NULL,
         available_at = now() + make_interval(secs => LEAST($4::float8, power(2, attempts))),
         failed_at = CASE WHEN $5::boolean OR attempts + 1 >= $6::int THEN now() END
       WHERE id = $1 AND claim_token = $2
       RETURNING attempts, failed_at IS NOT NULL AS failed`,
      [row.id, token, message.slice(0, 2000), MAX_BACKOFF_S, permanent(error), MAIL_MAX_ATTEMPTS],
    );
    const state = updated[0];
    if (state?.failed)
      this.logger.error(
        { emailId: row.id, attempts: state.attempts, err: message },
        'e-mail given up: the server refused it for good or it failed too often',
      );
    else this.logger.warn({ emailId: row.id, err: message }, 'e-mail not sent; will retry');
  }

  /** Development without SMTP: the message as an .eml file, its subject and links in the log. */
  private async writeFile(row: EmailRow, message: unknown): Promise<void> {
    const dir = this.files as string;
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${row.id}.eml`);
    await writeFile(file, Buffer.isBuffer(message) ? message : String(message), { mode: 0o600 });
    const links = row.text.match(/https?:\/\/\S+/g) ?? [];
    this.logger.info({ to: row.recipient, subject: row.subject, links, file }, 'e-mail written to a file');
  }
}
