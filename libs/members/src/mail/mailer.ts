import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, DATA_SOURCE, LOGGER, type Logger } from '@resocc/core';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';

const POLL_MS = 500;
const BATCH = 50;
const MAX_BACKOFF_S = 600;
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

/**
 * Sends the queued e-mails (email_outbox) through SMTP_URL after commit, several
 * processes safely (SKIP LOCKED); a failure is retried with exponential backoff and never
 * reaches the decision that queued the e-mail. In development without SMTP_URL each
 * e-mail is written to DATA_DIR/mail/ as an .eml file, and its subject and links are
 * logged, so that a person trying the platform can follow them.
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

  /** Sends one batch of ready e-mails; returns how many were sent. */
  async sendPending(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    return this.dataSource.transaction(async (m) => {
      const rows: EmailRow[] = await m.query(
        `SELECT id, recipient, subject, text FROM email_outbox WHERE available_at <= now()
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      let sent = 0;
      for (const row of rows) {
        try {
          const info: { message?: unknown } = await transport.sendMail({
            from: FROM,
            to: row.recipient,
            subject: row.subject,
            text: row.text,
          });
          if (this.files) await this.writeFile(row, info.message);
          await m.query(`DELETE FROM email_outbox WHERE id = $1`, [row.id]);
          sent++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn({ emailId: row.id, err: message }, 'e-mail not sent; will retry');
          await m.query(
            `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2,
               available_at = now() + make_interval(secs => LEAST($3::float8, power(2, attempts)))
             WHERE id = $1`,
            [row.id, message.slice(0, 2000), MAX_BACKOFF_S],
          );
        }
      }
      return sent;
    });
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
