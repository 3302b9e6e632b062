import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@resocc/core';
import { EmailDigestEntity, NotificationEntity, ReportEntity } from './moderation.entities';
import { NotificationService } from './notifications/notification.service';

/**
 * The moderation section of exportMyData: reports made, notifications received and the
 * e-mail digest windows. Erasure removes notifications and digest windows (queued e-mails
 * are the members module's); reports stay, and their reporter is the erased account, shown
 * as "ancien membre".
 */
@Injectable()
export class ModerationPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'moderation',
      order: 200,
      export: async (userId, m) => {
        const reports = await m.find(ReportEntity, {
          where: { reporterId: userId },
          order: { createdAt: 'ASC' },
        });
        const notifications = await m.find(NotificationEntity, {
          where: { userId },
          order: { createdAt: 'ASC' },
        });
        return {
          reports: reports.map((r) => ({
            target: `${r.targetType}:${r.targetId}`,
            reason: r.reason,
            comment: r.comment,
            status: r.status,
            createdAt: r.createdAt.toISOString(),
          })),
          notifications: notifications.map((n) => ({
            kind: n.kind,
            message: n.message,
            read: n.readAt !== null,
            createdAt: n.createdAt.toISOString(),
          })),
          emailDigests: await this.notifications.digestsOf(userId, m),
        };
      },
      erase: async (userId, m) => {
        await m.delete(EmailDigestEntity, { userId });
        await m.delete(NotificationEntity, { userId });
      },
    });
  }
}
