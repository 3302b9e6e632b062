import { type OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ContentStatus } from '@resocc/content';
import {
  Ctx,
  type GraphQLContext,
  NodeRegistry,
  Public,
  RequireRoles,
  Role,
  parseGlobalId,
} from '@resocc/core';
import { MembersPresenter, UserType } from '@resocc/members';
import { ModerationTargets } from '../moderation-targets';
import { CollectionType, ModeratedContent, type ModeratedContentValue } from '../moderation.types';
import { type CollectionItemRef, CollectionService } from './collection.service';

const id = (value: string): string => parseGlobalId(value, ['Collection'], 'id').id;

@Resolver(() => CollectionType)
export class CollectionResolver implements OnModuleInit {
  constructor(
    private readonly collectionService: CollectionService,
    private readonly targets: ModerationTargets,
    private readonly members: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Collection', async (ids) => {
      const rows = await this.collectionService.byIds(ids);
      return ids.map((cid) => {
        const row = rows.find((r) => r.id === cid);
        return row ? CollectionType.from(row) : null;
      });
    });
  }

  @Public()
  @Query(() => [CollectionType], {
    description: 'Thematic collections; each shows only the items the viewer may see',
  })
  async collections(): Promise<CollectionType[]> {
    return (await this.collectionService.list()).map((c) => CollectionType.from(c));
  }

  @ResolveField(() => [ModeratedContent], {
    description: 'published items the viewer may see, in the curator’s order',
  })
  async items(
    @Parent() collection: CollectionType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModeratedContentValue[]> {
    const refs = await ctx.loaders
      .get<string, CollectionItemRef[]>('moderation:collection-items', (ids) =>
        this.collectionService.itemsOf(ids),
      )
      .load(collection.localId);
    const items = await Promise.all(refs.map((ref) => this.targets.load(ctx, ref.targetType, ref.targetId)));
    return items.filter(
      (item): item is ModeratedContentValue => item !== null && item.status === ContentStatus.PUBLISHED,
    );
  }

  @ResolveField(() => UserType)
  curator(@Parent() collection: CollectionType, @Ctx() ctx: GraphQLContext): UserType | Promise<UserType> {
    return this.members.author(ctx, collection.curatorId);
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => CollectionType, { description: 'MODERATOR' })
  async createCollection(
    @Args('title') title: string,
    @Args('description') description: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CollectionType> {
    return CollectionType.from(await this.collectionService.create(ctx.viewer, title, description));
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => CollectionType, { description: 'MODERATOR: changes the title and/or the description' })
  async updateCollection(
    @Args('id', { type: () => ID }) collectionId: string,
    @Args('title', { type: () => String, nullable: true }) title: string | null,
    @Args('description', { type: () => String, nullable: true }) description: string | null,
  ): Promise<CollectionType> {
    return CollectionType.from(
      await this.collectionService.update(id(collectionId), title ?? undefined, description ?? undefined),
    );
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Boolean, { description: 'MODERATOR' })
  deleteCollection(@Args('id', { type: () => ID }) collectionId: string): Promise<boolean> {
    return this.collectionService.delete(id(collectionId));
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => CollectionType, { description: 'MODERATOR; only PUBLISHED items, order kept' })
  async setCollectionItems(
    @Args('id', { type: () => ID }) collectionId: string,
    @Args('itemIds', { type: () => [ID] }) itemIds: string[],
  ): Promise<CollectionType> {
    return CollectionType.from(await this.collectionService.setItems(id(collectionId), itemIds));
  }
}
