import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, DATA_SOURCE, type PageRequest } from '@resocc/core';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { EmailOutbox, MAIL_SIGNATURE } from '@resocc/members';
import { NotificationEntity, type TargetType } from '../moderation.entities';

export interface NewNotification {
  kind: string;
  message: string;
  target: { type: TargetType; id: string } | null;
}

const EMAIL_SUBJECTS: Record<string, string> = {
  CONTENT_APPROVED: 'Votre contenu est publié',
  CONTENT_REJECTED: "Votre contenu n'a pas été retenu",
  CONTENT_HIDDEN: 'Votre contenu a été masqué',
  CHANGES_REQUESTED: 'Des modifications sont demandées sur votre contenu',
  CONTENT_RESTORED: 'Votre contenu est de nouveau visible',
  CONTENT_ARCHIVED: 'Votre contenu a été archivé',
  REPORTS_DISMISSED: 'Les signalements sur votre contenu ont été classés',
  QUEUE_ITEM: 'Un contenu attend une relecture',
  CONTENT_AUTO_HIDDEN: 'Un contenu a été masqué après des signalements',
};

/** In-app notifications, and the same by e-mail (queued, sent after commit) when SMTP_URL is set. */
@Injectable()
export class NotificationService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: EmailOutbox,
  ) {}

  /** Inside the caller's transaction: never delays or fails the decision beyond these inserts. */
  async notify(
    manager: EntityManager,
    userIds: readonly string[],
    notification: NewNotification,
  ): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    await manager.insert(
      NotificationEntity,
      recipients.map((userId) => ({
        userId,
        kind: notification.kind,
        message: notification.message,
        targetType: notification.target?.type ?? null,
        targetId: notification.target?.id ?? null,
      })),
    );
    if (!this.config.smtpUrl) return;
    const users: { id: string; email: string }[] = await manager.query(
      `SELECT id, email FROM user_account WHERE id = ANY($1) AND email IS NOT NULL AND deleted_at IS NULL`,
      [recipients],
    );
    if (users.length === 0) return;
    await this.outbox.enqueue(
      manager,
      users.map((u) => ({
        userId: u.id,
        recipient: u.email,
        subject: `[RES'OCC] ${EMAIL_SUBJECTS[notification.kind] ?? 'Notification'}`,
        text: `${notification.message}\n\n${MAIL_SIGNATURE}`,
      })),
    );
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
}
