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

/**
 * An item went public without review (its organisation is trusted and its author an
 * approved member of it): a first publication on submit, or an edit of a published item
 * that stays published. Told inside the transaction that makes it.
 */
export interface ContentPublishedWithoutReview {
  type: ContentType;
  id: string;
  title: string;
  /** DRAFT or CHANGES_REQUESTED on submit, PUBLISHED for an edit; the item is PUBLISHED after. */
  from: ContentStatus;
  /** who submitted or edited it */
  actorUserId: string | null;
  authorId: string;
  organisationId: string;
  /** true for an edit of an already published item */
  edit: boolean;
}

export type ContentPublishedWithoutReviewListener = (
  event: ContentPublishedWithoutReview,
  manager: EntityManager,
) => Promise<void>;

/** Lets other modules (moderation) react to status changes in the same transaction. */
@Injectable()
export class ContentEvents {
  private readonly listeners: ContentStatusListener[] = [];
  private readonly trustedListeners: ContentPublishedWithoutReviewListener[] = [];

  onStatusChanged(listener: ContentStatusListener): void {
    this.listeners.push(listener);
  }

  async statusChanged(event: ContentStatusChanged, manager: EntityManager): Promise<void> {
    for (const listener of this.listeners) await listener(event, manager);
  }

  onPublishedWithoutReview(listener: ContentPublishedWithoutReviewListener): void {
    this.trustedListeners.push(listener);
  }

  async publishedWithoutReview(event: ContentPublishedWithoutReview, manager: EntityManager): Promise<void> {
    for (const listener of this.trustedListeners) await listener(event, manager);
  }
}
