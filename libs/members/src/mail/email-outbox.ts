import { Injectable } from '@nestjs/common';
import { AppConfig } from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { EmailOutboxEntity } from './email-outbox.entity';
import { mailDelivery } from './mailer';

/** One e-mail to queue: sent after commit by the Mailer, retried with backoff. */
export interface OutgoingEmail {
  userId: string;
  recipient: string;
  subject: string;
  text: string;
}

export const MAIL_SIGNATURE = "— La plateforme du réseau RES'OCC";

/** Queues e-mails in the caller's transaction: nothing is sent unless it commits. */
@Injectable()
export class EmailOutbox {
  constructor(private readonly config: AppConfig) {}

  /** Whether queued e-mails are delivered (SMTP_URL, or files in development). */
  get delivers(): boolean {
    return mailDelivery(this.config) !== 'none';
  }

  /** Queues the e-mails; nothing when no delivery is configured (tests without SMTP). */
  async enqueue(manager: EntityManager, emails: readonly OutgoingEmail[]): Promise<void> {
    if (emails.length === 0 || !this.delivers) return;
    await manager.insert(
      EmailOutboxEntity,
      emails.map((e) => ({ ...e, subject: e.subject.slice(0, 300) })),
    );
  }

  /** Queued e-mails of a user (personal-data export): recipient and subject only. */
  async listForUser(userId: string, manager: EntityManager): Promise<EmailOutboxEntity[]> {
    return manager.find(EmailOutboxEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(EmailOutboxEntity, { userId });
  }
}
