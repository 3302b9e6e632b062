import { type OnModuleInit } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Field,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  Ctx,
  type GraphQLContext,
  NodeRegistry,
  PaginationArgs,
  Public,
  RequireRoles,
  Role,
  parseGlobalId,
} from '@resocc/core';
import { MembersPresenter, OrganisationType, UserType } from '@resocc/members';
import type { GraphQLResolveInfo } from 'graphql';
import { ContentLoaders } from '../shared/content-loaders';
import { contentConnection } from '../shared/content-list';
import { ContentStatus } from '../shared/enums';
import { ClauseTemplateType } from '../templates/dto/clause-template.type';
import { ThemeType } from '../themes/dto/theme.type';
import { ExperiencePostInput } from './dto/experience-post.input';
import { ExperiencePostConnection, ExperiencePostType } from './dto/experience-post.type';
import { PostService, type PostTexts } from './post.service';

@ArgsType()
class ExperiencePostsArgs extends PaginationArgs {
  @Field(() => [String], { nullable: true, description: 'theme slugs: posts with any of them' })
  themes?: string[] | null;

  @Field(() => String, { nullable: true })
  departmentCode?: string | null;

  @Field(() => ContentStatus, { nullable: true, description: 'only among the statuses the viewer may see' })
  status?: ContentStatus | null;
}

const id = (value: string, field = 'id'): string => parseGlobalId(value, ['ExperiencePost'], field).id;

@Resolver(() => ExperiencePostType)
export class PostResolver implements OnModuleInit {
  constructor(
    private readonly posts: PostService,
    private readonly loaders: ContentLoaders,
    private readonly members: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('ExperiencePost', async (ids, ctx) =>
      (await this.posts.visibleByIds(ctx.viewer, ids)).map((p) => (p ? ExperiencePostType.from(p) : null)),
    );
  }

  @Public()
  @Query(() => ExperiencePostConnection, {
    description: 'Experience posts the viewer may see, newest published first.',
  })
  async experiencePosts(
    @Args() args: ExperiencePostsArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contentConnection(
      this.members,
      ctx,
      args,
      info,
      (page, read) => this.posts.list(ctx.viewer, args, page, read),
      ExperiencePostType.from,
    );
  }

  /** Posts read from a list come without their long texts: load them only when asked. */
  private async text<K extends keyof PostTexts>(
    post: ExperiencePostType,
    key: K,
    ctx: GraphQLContext,
  ): Promise<PostTexts[K]> {
    if (post[key] !== undefined) return post[key] as PostTexts[K];
    const texts = await ctx.loaders
      .get<string, PostTexts | null>('content:post-texts', (ids) => this.posts.texts(ids))
      .load(post.localId);
    if (!texts) throw new Error(`post ${post.localId} vanished`);
    return texts[key];
  }

  @ResolveField(() => String, { description: 'Markdown as written' })
  body(@Parent() post: ExperiencePostType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return this.text(post, 'body', ctx);
  }

  @ResolveField(() => String, { description: 'rendered and sanitised' })
  bodyHtml(@Parent() post: ExperiencePostType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return this.text(post, 'bodyHtml', ctx);
  }

  @ResolveField(() => String, { nullable: true })
  outcomes(@Parent() post: ExperiencePostType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return this.text(post, 'outcomes', ctx);
  }

  // The three fields every list item asks for take GraphQL's own (parent, args, context)
  // arguments, without parameter decorators: Nest then calls them directly instead of through
  // its per-call context wrapper (field resolvers run no guards, interceptors or filters here).

  @ResolveField(() => [ThemeType])
  themes(post: ExperiencePostType, _args: unknown, ctx: GraphQLContext): ThemeType[] | Promise<ThemeType[]> {
    return this.loaders.themes(ctx, post.themeSlugs);
  }

  @ResolveField(() => UserType)
  author(post: ExperiencePostType, _args: unknown, ctx: GraphQLContext): UserType | Promise<UserType> {
    return this.members.author(ctx, post.authorId);
  }

  @ResolveField(() => OrganisationType)
  organisation(
    post: ExperiencePostType,
    _args: unknown,
    ctx: GraphQLContext,
  ): OrganisationType | Promise<OrganisationType> {
    return this.members.organisationOf(ctx, post.organisationId);
  }

  @ResolveField(() => [ClauseTemplateType], {
    description: 'templates this purchase used (those the viewer may see)',
  })
  async clauseTemplates(
    @Parent() post: ExperiencePostType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClauseTemplateType[]> {
    const loader = ctx.loaders.get<string, ClauseTemplateType[]>(
      'content:templates-of-post',
      async (postIds) =>
        (await this.posts.templatesOf(ctx.viewer, postIds)).map((list) =>
          list.map((t) => ClauseTemplateType.from(t)),
        ),
    );
    return loader.load(post.localId);
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ExperiencePostType, { description: 'MEMBER; starts as DRAFT' })
  async createExperiencePost(@Args('input') input: ExperiencePostInput, @Ctx() ctx: GraphQLContext) {
    return ExperiencePostType.from(await this.posts.create(ctx.viewer, input));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ExperiencePostType, { description: 'CONFLICT on a stale version' })
  async updateExperiencePost(
    @Args('id', { type: () => ID }) postId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: ExperiencePostInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ExperiencePostType.from(await this.posts.update(ctx.viewer, id(postId), expectedVersion, input));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ExperiencePostType, {
    description: 'DRAFT or CHANGES_REQUESTED -> IN_REVIEW (PUBLISHED when trusted)',
  })
  async submitExperiencePost(@Args('id', { type: () => ID }) postId: string, @Ctx() ctx: GraphQLContext) {
    return ExperiencePostType.from(await this.posts.submit(ctx.viewer, id(postId)));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ExperiencePostType)
  async archiveExperiencePost(@Args('id', { type: () => ID }) postId: string, @Ctx() ctx: GraphQLContext) {
    return ExperiencePostType.from(await this.posts.archive(ctx.viewer, id(postId)));
  }
}

/** Organisation.experiencePosts: the organisation's posts the viewer may see. */
@Resolver(() => OrganisationType)
export class OrganisationPostsResolver {
  constructor(
    private readonly posts: PostService,
    private readonly members: MembersPresenter,
  ) {}

  @ResolveField(() => ExperiencePostConnection)
  async experiencePosts(
    @Parent() organisation: OrganisationType,
    @Args() args: PaginationArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contentConnection(
      this.members,
      ctx,
      args,
      info,
      (page, read) => this.posts.byOrganisation(ctx.viewer, organisation.localId, page, read),
      ExperiencePostType.from,
    );
  }
}
