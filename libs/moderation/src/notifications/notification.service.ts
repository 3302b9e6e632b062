import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, LOGGER, type Logger, type PageRequest, TransactionRunner } from '@resocc/core';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { EmailOutbox, MAIL_SIGNATURE, type OutgoingEmail } from '@resocc/members';
import { EmailDigestEntity, NotificationEntity, type TargetType } from '../moderation.entities';

/**
 * Every kind of notification and the fixed subject of its e-mail: a subject never holds
 * text that someone else chose (titles, reasons stay in the body). Moderator-facing kinds
 * have a `digest` subject: a moderator receives at most one e-mail of such a kind per
 * DIGEST_WINDOW_MINUTES, and what arrives meanwhile goes into the next one.
 */
export const NOTIFICATION_EMAILS = {
  CONTENT_APPROVED: { subject: 'Votre contenu est publié' },
  CONTENT_REJECTED: { subject: "Votre contenu n'a pas été retenu" },
  CONTENT_HIDDEN: { subject: 'Votre contenu a été masqué' },
  CHANGES_REQUESTED: { subject: 'Des modifications sont demandées sur votre contenu' },
  CONTENT_RESTORED: { subject: 'Votre contenu est de nouveau visible' },
  CONTENT_ARCHIVED: { subject: 'Votre contenu a été archivé' },
  REPORTS_DISMISSED: { subject: 'Les signalements sur votre contenu ont été classés' },
  // The members module e-mails these itself (see MembershipNotifications): in-app only here.
  MEMBERSHIP_APPROVED: { subject: "Votre demande d'adhésion est acceptée" },
  MEMBERSHIP_REFUSED: { subject: "Votre demande d'adhésion n'a pas été acceptée" },
  QUEUE_ITEM: {
    subject: 'Un contenu attend une relecture',
    digest: 'Des contenus attendent une relecture (récapitulatif)',
  },
  CONTENT_AUTO_HIDDEN: {
    subject: 'Un contenu a été masqué après des signalements',
    digest: 'Des contenus ont été masqués après des signalements (récapitulatif)',
  },
} as const satisfies Record<string, { subject: string; digest?: string }>;

export type NotificationKind = keyof typeof NOTIFICATION_EMAILS;
type DigestKind = {
  [K in NotificationKind]: (typeof NOTIFICATION_EMAILS)[K] extends { digest: string } ? K : never;
}[NotificationKind];

/** At most one e-mail per digest kind and moderator in this many minutes. */
export const DIGEST_WINDOW_MINUTES = 60;
/** How often held notifications whose window has passed are sent as a digest. */
const DIGEST_FLUSH_MS = 60_000;
/** Lines a digest lists; the others are counted (all are in the in-app notifications). */
const DIGEST_LINES = 50;
const SUBJECT_PREFIX = "[RES'OCC] ";

export interface NewNotification {
  kind: NotificationKind;
  message: string;
  target: { type: TargetType; id: string } | null;
}

function isDigestKind(kind: NotificationKind): kind is DigestKind {
  return 'digest' in NOTIFICATION_EMAILS[kind];
}

interface Recipient {
  userId: string;
  email: string;
  notificationId: string;
}

/**
 * In-app notifications, and the same by e-mail (queued, sent after commit) whenever e-mail
 * is delivered (SMTP_URL, or .eml files in development). Moderator-facing kinds are e-mailed at most once per window: the first one at
 * once, the next ones held (in email_digest) and sent together as one digest when the
 * window has passed, by the next notification of that kind or by the periodic flush,
 * whichever comes first. In-app notifications are never held.
 */
@Injectable()
export class NotificationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<unknown> | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
    private readonly tx: TransactionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.outbox.delivers) return;
    this.timer = setInterval(() => {
      // A failure is retried at the next tick: the notifications stay held, nothing is lost.
      this.flushing ??= this.flushDigests()
        .catch((error: unknown) => this.logger.error({ err: error }, 'e-mail digests not sent'))
        .finally(() => (this.flushing = null));
    }, DIGEST_FLUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushing;
  }

  /**
   * Inside the caller's transaction: never delays or fails the decision beyond these
   * statements (a digest kind may wait for a concurrent notification's window row, never for
   * delivery).
   */
  async notify(
    manager: EntityManager,
    userIds: readonly string[],
    notification: NewNotification,
    options: { email?: boolean } = {},
  ): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    const inserted = await manager.insert(
      NotificationEntity,
      recipients.map((userId) => ({
        userId,
        kind: notification.kind,
        message: notification.message,
        targetType: notification.target?.type ?? null,
        targetId: notification.target?.id ?? null,
      })),
    );
    if (!this.outbox.delivers || options.email === false) return;
    const notificationIds = new Map(
      recipients.map((userId, i) => [userId, String(inserted.identifiers[i]?.['id'])]),
    );
    const users: { id: string; email: string }[] = await manager.query(
      `SELECT id, email FROM user_account WHERE id = ANY($1) AND email IS NOT NULL AND deleted_at IS NULL
       ORDER BY id`,
      [recipients],
    );
    const mailed: Recipient[] = users.map((u) => ({
      userId: u.id,
      email: u.email,
      notificationId: notificationIds.get(u.id) as string,
    }));
    if (mailed.length === 0) return;
    const { kind } = notification;
    if (!isDigestKind(kind)) {
      await this.outbox.enqueue(
        manager,
        mailed.map((r) => this.email(r, NOTIFICATION_EMAILS[kind].subject, notification.message)),
      );
      return;
    }
    await this.emailOrHold(manager, kind, mailed, notification.message);
  }

  /**
   * A digest kind: each recipient's window row is locked (one e-mail per window, however
   * many transactions notify at once). Outside the window, the e-mail goes now, with the
   * notifications held since, if any; inside it, this notification is held for the next.
   */
  private async emailOrHold(
    manager: EntityManager,
    kind: DigestKind,
    recipients: Recipient[],
    message: string,
  ): Promise<void> {
    const userIds = recipients.map((r) => r.userId);
    await manager.query(
      `INSERT INTO email_digest (user_id, kind) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
      [userIds, kind],
    );
    const windows: { user_id: string; held: string[]; due: boolean }[] = await manager.query(
      `SELECT user_id, held,
              (last_sent_at IS NULL OR last_sent_at <= now() - make_interval(mins => $3)) AS due
       FROM email_digest WHERE user_id = ANY($1::uuid[]) AND kind = $2
       ORDER BY user_id FOR UPDATE`,
      [userIds, kind, DIGEST_WINDOW_MINUTES],
    );
    const byUser = new Map(windows.map((w) => [w.user_id, w]));
    const emails: OutgoingEmail[] = [];
    const sent: string[] = [];
    const held: Recipient[] = [];
    for (const recipient of recipients) {
      const window = byUser.get(recipient.userId);
      if (!window?.due) {
        held.push(recipient);
      } else if (window.held.length === 0) {
        emails.push(this.email(recipient, NOTIFICATION_EMAILS[kind].subject, message));
        sent.push(recipient.userId);
      } else {
        emails.push(await this.digest(manager, kind, recipient, [...window.held, recipient.notificationId]));
        sent.push(recipient.userId);
      }
    }
    await this.outbox.enqueue(manager, emails);
    if (sent.length > 0) {
      await manager.query(
        `UPDATE email_digest SET last_sent_at = now(), held = '{}' WHERE user_id = ANY($1::uuid[]) AND kind = $2`,
        [sent, kind],
      );
    }
    if (held.length > 0) {
      await manager.query(
        `UPDATE email_digest d SET held = d.held || v.notification_id
         FROM unnest($1::uuid[], $2::uuid[]) AS v(user_id, notification_id)
         WHERE d.user_id = v.user_id AND d.kind = $3`,
        [held.map((r) => r.userId), held.map((r) => r.notificationId), kind],
      );
    }
  }

  /**
   * Sends, as one digest each, the held notifications whose window has passed (several
   * processes safely: SKIP LOCKED). Runs every minute while e-mail is delivered; returns how
   * many digests it queued.
   */
  async flushDigests(): Promise<number> {
    if (!this.outbox.delivers) return 0;
    return this.tx.run(async (m) => {
      const due: { user_id: string; kind: DigestKind; held: string[]; email: string | null }[] =
        await m.query(
          `SELECT d.user_id, d.kind, d.held, u.email FROM email_digest d
           JOIN user_account u ON u.id = d.user_id
         WHERE cardinality(d.held) > 0 AND d.last_sent_at <= now() - make_interval(mins => $1)
         ORDER BY d.user_id, d.kind LIMIT 100 FOR UPDATE OF d SKIP LOCKED`,
          [DIGEST_WINDOW_MINUTES],
        );
      const emails: OutgoingEmail[] = [];
      for (const row of due) {
        if (row.email === null || !isDigestKind(row.kind)) continue;
        emails.push(
          await this.digest(
            m,
            row.kind,
            { userId: row.user_id, email: row.email, notificationId: '' },
            row.held,
          ),
        );
      }
      await this.outbox.enqueue(m, emails);
      for (const row of due) {
        await m.query(
          `UPDATE email_digest SET last_sent_at = now(), held = '{}' WHERE user_id = $1 AND kind = $2`,
          [row.user_id, row.kind],
        );
      }
      return emails.length;
    });
  }

  private email(recipient: Recipient, subject: string, message: string): OutgoingEmail {
    return {
      userId: recipient.userId,
      recipient: recipient.email,
      subject: `${SUBJECT_PREFIX}${subject}`,
      text: `${message}\n\n${MAIL_SIGNATURE}`,
    };
  }

  /** One e-mail listing the notifications (oldest first), with a fixed subject. */
  private async digest(
    manager: EntityManager,
    kind: DigestKind,
    recipient: Recipient,
    notificationIds: readonly string[],
  ): Promise<OutgoingEmail> {
    const rows: { message: string }[] = await manager.query(
      `SELECT message FROM notification WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [notificationIds],
    );
    const lines = rows.slice(0, DIGEST_LINES).map((r) => `- ${r.message}`);
    if (rows.length > DIGEST_LINES) lines.push(`- … et ${rows.length - DIGEST_LINES} autres.`);
    const text = [
      `${rows.length} notifications depuis le dernier message :`,
      '',
      ...lines,
      '',
      'Toutes figurent dans vos notifications sur la plateforme. Vous recevez au plus un message de ce type par heure.',
    ].join('\n');
    return this.email(recipient, NOTIFICATION_EMAILS[kind].digest, text);
  }

  async list(
    userId: string,
    unreadOnly: boolean,
    page: PageRequest,
  ): Promise<{ rows: NotificationEntity[]; total: number }> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    const total = await qb.clone().getCount();
    if (page.after) {
      qb.andWhere('(n.created_at, n.id) < (:createdAt, :id)', {
        createdAt: new Date(String(page.after[0])),
        id: String(page.after[1]),
      });
    }
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }

  /** Marks the viewer's own notifications read; returns how many were unread. Others' ids are ignored. */
  async markRead(userId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id: In([...ids]), userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }

  /** Personal data: the digest windows of a user (kinds, last e-mail, how many held). */
  async digestsOf(
    userId: string,
    manager: EntityManager,
  ): Promise<{ kind: string; lastSentAt: string | null; held: number }[]> {
    const rows = await manager.find(EmailDigestEntity, { where: { userId }, order: { kind: 'ASC' } });
    return rows.map((r) => ({
      kind: r.kind,
      lastSentAt: r.lastSentAt?.toISOString() ?? null,
      held: r.held.length,
    }));
  }
}
