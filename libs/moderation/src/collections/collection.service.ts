import { Inject, Injectable } from '@nestjs/common';
import { ClauseTemplateEntity, ContentStatus, ExperiencePostEntity } from '@resocc/content';
import {
  DATA_SOURCE,
  FieldErrors,
  NotFoundError,
  TransactionRunner,
  type Viewer,
  fromGlobalId,
} from '@resocc/core';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CollectionEntity, CollectionItemEntity, type TargetType } from '../moderation.entities';

export interface CollectionItemRef {
  targetType: TargetType;
  targetId: string;
}

const MAX_ITEMS = 200;

/** Thematic collections curated by moderators; each viewer sees only the items they may see. */
@Injectable()
export class CollectionService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  private validate(
    title: string | null | undefined,
    description: string | null | undefined,
    errors: FieldErrors,
    required: boolean,
  ) {
    const cleanTitle = title?.normalize('NFC').replace(/\s+/g, ' ').trim();
    const cleanDescription = description?.normalize('NFC').trim();
    if (required || cleanTitle !== undefined) {
      errors.check(
        (cleanTitle ?? '').length >= 3 && (cleanTitle ?? '').length <= 200,
        'title',
        'Le titre doit compter de 3 à 200 caractères.',
      );
    }
    if (required || cleanDescription !== undefined) {
      errors.check(
        (cleanDescription ?? '').length <= 5000,
        'description',
        'La description ne peut dépasser 5 000 caractères.',
      );
    }
    return { title: cleanTitle, description: cleanDescription };
  }

  async create(viewer: Viewer, title: string, description: string): Promise<CollectionEntity> {
    const errors = new FieldErrors();
    const clean = this.validate(title, description, errors, true);
    errors.throwIfAny();
    return this.dataSource.getRepository(CollectionEntity).save({
      title: clean.title as string,
      description: clean.description ?? '',
      curatorId: viewer.userId as string,
    });
  }

  async update(
    id: string,
    title: string | null | undefined,
    description: string | null | undefined,
  ): Promise<CollectionEntity> {
    const errors = new FieldErrors();
    const clean = this.validate(title, description, errors, false);
    errors.throwIfAny();
    return this.tx.run(async (m) => {
      const collection = await m.findOne(CollectionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!collection) throw new NotFoundError('Cette collection est introuvable.');
      if (clean.title !== undefined) collection.title = clean.title;
      if (clean.description !== undefined) collection.description = clean.description;
      return m.save(collection);
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(CollectionEntity).delete({ id });
    if (!result.affected) throw new NotFoundError('Cette collection est introuvable.');
    return true;
  }

  /** Replaces the items, in the given order; only PUBLISHED posts and templates, each named when refused. */
  async setItems(id: string, itemIds: readonly string[]): Promise<CollectionEntity> {
    const errors = new FieldErrors();
    errors.check(itemIds.length <= MAX_ITEMS, 'itemIds', `${MAX_ITEMS} éléments au plus.`);
    const refs = itemIds.map((gid) => {
      const decoded = fromGlobalId(gid);
      return decoded && (decoded.type === 'ExperiencePost' || decoded.type === 'ClauseTemplate')
        ? { targetType: decoded.type as TargetType, targetId: decoded.id }
        : null;
    });
    return this.tx.run(async (m) => {
      const collection = await m.findOne(CollectionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!collection) throw new NotFoundError('Cette collection est introuvable.');
      const published = await this.publishedIds(
        m,
        refs.filter((r): r is CollectionItemRef => r !== null),
      );
      const items: CollectionItemRef[] = [];
      refs.forEach((ref, i) => {
        if (
          !errors.check(
            ref !== null && published.has(ref.targetId),
            `itemIds.${i}`,
            'Seuls des contenus publiés peuvent entrer dans une collection.',
          )
        )
          return;
        if (!items.some((it) => it.targetId === ref?.targetId)) items.push(ref as CollectionItemRef);
      });
      errors.throwIfAny();
      await m.delete(CollectionItemEntity, { collectionId: id });
      if (items.length > 0) {
        await m.insert(
          CollectionItemEntity,
          items.map((item, position) => ({ collectionId: id, position, ...item })),
        );
      }
      collection.updatedAt = new Date();
      return m.save(collection);
    });
  }

  private async publishedIds(m: EntityManager, refs: CollectionItemRef[]): Promise<Set<string>> {
    const postIds = refs.filter((r) => r.targetType === 'ExperiencePost').map((r) => r.targetId);
    const templateIds = refs.filter((r) => r.targetType === 'ClauseTemplate').map((r) => r.targetId);
    const [posts, templates] = await Promise.all([
      postIds.length
        ? m.findBy(ExperiencePostEntity, { id: In(postIds), status: ContentStatus.PUBLISHED })
        : [],
      templateIds.length
        ? m.findBy(ClauseTemplateEntity, { id: In(templateIds), status: ContentStatus.PUBLISHED })
        : [],
    ]);
    return new Set([...posts, ...templates].map((item) => item.id));
  }

  list(): Promise<CollectionEntity[]> {
    return this.dataSource.getRepository(CollectionEntity).find({ order: { createdAt: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<CollectionEntity[]> {
    return this.dataSource.getRepository(CollectionEntity).findBy({ id: In([...ids]) });
  }

  /** Items of each collection, in order (one statement for any number of collections). */
  async itemsOf(collectionIds: readonly string[]): Promise<CollectionItemRef[][]> {
    const rows = await this.dataSource
      .getRepository(CollectionItemEntity)
      .find({ where: { collectionId: In([...collectionIds]) }, order: { position: 'ASC' } });
    return collectionIds.map((id) => rows.filter((r) => r.collectionId === id));
  }
}
