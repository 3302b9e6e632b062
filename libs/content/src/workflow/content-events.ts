import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContentType } from '../shared/content-ref';
import type { ContentStatus } from '../shared/enums';
import type { ContentTransition } from './content-state-machine';

/** A status change, told to listeners inside the transaction that makes it. */
export interface ContentStatusChanged {
  type: ContentType;
  id: string;
  title: string;
  from: ContentStatus;
  to: ContentStatus;
  transition: ContentTransition;
  /** null for automatic changes (the report threshold). */
  actorUserId: string | null;
  authorId: string;
  organisationId: string;
}

export type ContentStatusListener = (event: ContentStatusChanged, manager: EntityManager) => Promise<void>;

/** Lets other modules (moderation) react to status changes in the same transaction. */
@Injectable()
export class ContentEvents {
  private readonly listeners: ContentStatusListener[] = [];

  onStatusChanged(listener: ContentStatusListener): void {
    this.listeners.push(listener);
  }

  async statusChanged(event: ContentStatusChanged, manager: EntityManager): Promise<void> {
    for (const listener of this.listeners) await listener(event, manager);
  }
}
