import { Injectable } from '@nestjs/common';
import { NotFoundError, TransactionRunner, type Viewer } from '@resocc/core';
import { AccountService, MembershipService } from '@resocc/members';
import { assertMayChange } from '../shared/content-access';
import type { EntityManager } from 'typeorm';
import { ExperiencePostEntity } from '../posts/experience-post.entity';
import { type ContentRef, type ContentType } from '../shared/content-ref';
import { ContentStatus, type Visibility } from '../shared/enums';
import { ClauseTemplateEntity } from '../templates/clause-template.entity';
import { ContentEvents, type ContentPublishedWithoutReview } from './content-events';
import { ContentTransition, transition } from './content-state-machine';

/** The fields every piece of content shares. */
export interface ContentItem {
  id: string;
  title: string;
  status: ContentStatus;
  visibility: Visibility;
  organisationId: string;
  authorId: string;
  version: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const ENTITY: Record<ContentType, typeof ExperiencePostEntity | typeof ClauseTemplateEntity> = {
  ExperiencePost: ExperiencePostEntity,
  ClauseTemplate: ClauseTemplateEntity,
};

export interface AppliedTransition {
  item: ContentItem;
  from: ContentStatus;
  to: ContentStatus;
}

/**
 * Moves posts and templates through the state machine, in the caller's transaction:
 * locks the row, checks the transition, sets publishedAt on first publication, bumps the
 * version, records the index event and tells the listeners.
 */
@Injectable()
export class ContentWorkflowService {
  constructor(
    private readonly events: ContentEvents,
    private readonly tx: TransactionRunner,
    private readonly membership: MembershipService,
    private readonly accounts: AccountService,
  ) {}

  /**
   * Whether the item may be published without review: its organisation is trusted AND its
   * author (not only whoever acts on it) is an approved member of that organisation now.
   */
  private async publishesWithoutReview(m: EntityManager, item: ContentItem): Promise<boolean> {
    const [organisation] = await this.membership.byIds([item.organisationId]);
    if (!organisation?.trusted) return false;
    const author = (await this.accounts.approvedMembers([item.authorId], m)).get(item.authorId);
    return author?.organisationId === item.organisationId;
  }

  /**
   * The author's (or a référent's) submit: DRAFT or CHANGES_REQUESTED to IN_REVIEW, or
   * PUBLISHED at once when the item may be published without review (then the moderation
   * log learns who did it).
   */
  submitByAuthor(viewer: Viewer, ref: ContentRef): Promise<ContentItem> {
    return this.tx.run(async (m) => {
      const item = assertMayChange(viewer, await this.lock(m, ref));
      if (!(await this.publishesWithoutReview(m, item))) {
        return (await this.apply(m, ref, ContentTransition.SUBMIT, viewer.userId, 'id', item)).item;
      }
      const applied = await this.apply(m, ref, ContentTransition.PUBLISH_TRUSTED, viewer.userId, 'id', item);
      await this.events.publishedWithoutReview(
        this.trustedEvent(ref, applied.item, applied.from, viewer.userId, false),
        m,
      );
      return applied.item;
    });
  }

  /** The author's archive. */
  archiveByAuthor(viewer: Viewer, ref: ContentRef): Promise<ContentItem> {
    return this.tx.run(async (m) => {
      const item = assertMayChange(viewer, await this.lock(m, ref));
      return (await this.apply(m, ref, ContentTransition.ARCHIVE, viewer.userId, 'id', item)).item;
    });
  }

  /**
   * After an edit saved in `m`: a published item stays published only when it may be
   * published without review (the change is then in the moderation log); otherwise it goes
   * back to review. Unpublished items: the index just learns of the change.
   */
  async afterEdit<T extends ContentItem>(
    m: EntityManager,
    viewer: Viewer,
    ref: ContentRef,
    saved: T,
  ): Promise<T> {
    if (saved.status === ContentStatus.PUBLISHED) {
      if (!(await this.publishesWithoutReview(m, saved))) {
        return (await this.apply(m, ref, ContentTransition.EDIT_PUBLISHED, viewer.userId, 'id', saved))
          .item as T;
      }
      await this.events.publishedWithoutReview(
        this.trustedEvent(ref, saved, ContentStatus.PUBLISHED, viewer.userId, true),
        m,
      );
    }
    return saved;
  }

  private trustedEvent(
    ref: ContentRef,
    item: ContentItem,
    from: ContentStatus,
    actorUserId: string | null,
    edit: boolean,
  ): ContentPublishedWithoutReview {
    return {
      type: ref.type,
      id: item.id,
      title: item.title,
      from,
      actorUserId,
      authorId: item.authorId,
      organisationId: item.organisationId,
      edit,
    };
  }

  async lock(manager: EntityManager, ref: ContentRef): Promise<ContentItem | null> {
    return manager.findOne<ContentItem>(ENTITY[ref.type], {
      where: { id: ref.id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async apply(
    manager: EntityManager,
    ref: ContentRef,
    action: ContentTransition,
    actorUserId: string | null,
    field = 'id',
    locked?: ContentItem,
  ): Promise<AppliedTransition> {
    const item = locked ?? (await this.lock(manager, ref));
    if (!item) throw new NotFoundError();
    const result = transition(action, item.status, item.publishedAt !== null, field);
    const now = new Date();
    const changes: Partial<ContentItem> = { status: result.to, version: item.version + 1 };
    if (result.firstPublication) changes.publishedAt = now;
    await manager.update(ENTITY[ref.type], { id: item.id }, changes);
    Object.assign(item, changes, { updatedAt: now });
    await this.events.statusChanged(
      {
        type: ref.type,
        id: item.id,
        title: item.title,
        from: result.from,
        to: result.to,
        transition: action,
        actorUserId,
        authorId: item.authorId,
        organisationId: item.organisationId,
      },
      manager,
    );
    return { item, from: result.from, to: result.to };
  }
}
