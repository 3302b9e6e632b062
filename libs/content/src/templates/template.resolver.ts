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
import { ExperiencePostConnection } from '../posts/dto/experience-post.type';
import { PostService } from '../posts/post.service';
import { ExperiencePostType } from '../posts/dto/experience-post.type';
import { ContentLoaders } from '../shared/content-loaders';
import { contentConnection } from '../shared/content-list';
import { ClauseKind, Consideration } from '../shared/enums';
import { ThemeType } from '../themes/dto/theme.type';
import { ClauseTemplateInput, VariableValueInput } from './dto/clause-template.input';
import {
  ClauseTemplateConnection,
  ClauseTemplateRevisionType,
  ClauseTemplateType,
} from './dto/clause-template.type';
import type { ClauseTemplateRevisionEntity } from './clause-template.entity';
import { TemplateService, mayReadHistory } from './template.service';

@ArgsType()
class ClauseTemplatesArgs extends PaginationArgs {
  @Field(() => [String], { nullable: true, description: 'theme slugs: templates with any of them' })
  themes?: string[] | null;

  @Field(() => ClauseKind, { nullable: true })
  kind?: ClauseKind | null;

  @Field(() => [Consideration], { nullable: true, description: 'templates with all of them' })
  considerations?: Consideration[] | null;
}

const id = (value: string, field = 'id'): string => parseGlobalId(value, ['ClauseTemplate'], field).id;

@Resolver(() => ClauseTemplateType)
export class TemplateResolver implements OnModuleInit {
  constructor(
    private readonly templates: TemplateService,
    private readonly posts: PostService,
    private readonly loaders: ContentLoaders,
    private readonly members: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('ClauseTemplate', async (ids, ctx) =>
      (await this.templates.visibleByIds(ctx.viewer, ids)).map((t) =>
        t ? ClauseTemplateType.from(t) : null,
      ),
    );
  }

  @Public()
  @Query(() => ClauseTemplateConnection, {
    description: 'Clause templates the viewer may see, newest published first.',
  })
  async clauseTemplates(
    @Args() args: ClauseTemplatesArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contentConnection(
      this.members,
      ctx,
      args,
      info,
      (page, read) => this.templates.list(ctx.viewer, args, page, read),
      ClauseTemplateType.from,
    );
  }

  @Public()
  @Query(() => String, {
    description: 'The clause as plain text; BAD_USER_INPUT names missing or ill-typed values',
  })
  renderClauseTemplate(
    @Args('id', { type: () => ID }) templateId: string,
    @Args('values', { type: () => [VariableValueInput] }) values: VariableValueInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    return this.templates.render(ctx.viewer, id(templateId), values);
  }

  // Like the posts' list fields: GraphQL's own arguments, so Nest calls them directly.

  @ResolveField(() => [ThemeType])
  themes(
    template: ClauseTemplateType,
    _args: unknown,
    ctx: GraphQLContext,
  ): ThemeType[] | Promise<ThemeType[]> {
    return this.loaders.themes(ctx, template.themeSlugs);
  }

  @ResolveField(() => UserType)
  author(template: ClauseTemplateType, _args: unknown, ctx: GraphQLContext): UserType | Promise<UserType> {
    return this.members.author(ctx, template.authorId);
  }

  @ResolveField(() => OrganisationType)
  organisation(
    template: ClauseTemplateType,
    _args: unknown,
    ctx: GraphQLContext,
  ): OrganisationType | Promise<OrganisationType> {
    return this.members.organisationOf(ctx, template.organisationId);
  }

  @ResolveField(() => [ClauseTemplateRevisionType], {
    description:
      "newest first; the text of earlier revisions only for the template's organisation and moderators (textWithheld otherwise)",
  })
  async revisions(
    @Parent() template: ClauseTemplateType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClauseTemplateRevisionType[]> {
    const loader = ctx.loaders.get<string, ClauseTemplateRevisionEntity[]>('content:revisions', (ids) =>
      this.templates.revisionsOf(ids),
    );
    const history = mayReadHistory(ctx.viewer, template);
    return (await loader.load(template.localId)).map((r) =>
      ClauseTemplateRevisionType.from(r, !history && r.revision !== template.revision),
    );
  }

  @ResolveField(() => ExperiencePostConnection, { description: 'published posts that used this template' })
  async usedIn(
    @Parent() template: ClauseTemplateType,
    @Args() args: PaginationArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return contentConnection(
      this.members,
      ctx,
      args,
      info,
      (page, read) => this.posts.usingTemplate(ctx.viewer, template.localId, page, read),
      ExperiencePostType.from,
    );
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ClauseTemplateType, { description: 'MEMBER; starts as DRAFT, revision 1' })
  async createClauseTemplate(@Args('input') input: ClauseTemplateInput, @Ctx() ctx: GraphQLContext) {
    return ClauseTemplateType.from(await this.templates.create(ctx.viewer, input));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ClauseTemplateType, {
    description: 'body or variables change -> new revision; CONFLICT on a stale version',
  })
  async updateClauseTemplate(
    @Args('id', { type: () => ID }) templateId: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: ClauseTemplateInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ClauseTemplateType.from(
      await this.templates.update(ctx.viewer, id(templateId), expectedVersion, input),
    );
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ClauseTemplateType)
  async submitClauseTemplate(@Args('id', { type: () => ID }) templateId: string, @Ctx() ctx: GraphQLContext) {
    return ClauseTemplateType.from(await this.templates.submit(ctx.viewer, id(templateId)));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ClauseTemplateType)
  async archiveClauseTemplate(
    @Args('id', { type: () => ID }) templateId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ClauseTemplateType.from(await this.templates.archive(ctx.viewer, id(templateId)));
  }
}

@Resolver(() => ClauseTemplateRevisionType)
export class TemplateRevisionResolver {
  constructor(private readonly members: MembersPresenter) {}

  @ResolveField(() => UserType)
  author(
    @Parent() revision: ClauseTemplateRevisionType,
    @Ctx() ctx: GraphQLContext,
  ): UserType | Promise<UserType> {
    return this.members.author(ctx, revision.authorId);
  }
}

/** Organisation.clauseTemplates: the organisation's templates the viewer may see. */
@Resolver(() => OrganisationType)
export class OrganisationTemplatesResolver {
  constructor(
    private readonly templates: TemplateService,
    private readonly members: MembersPresenter,
  ) {}

  @ResolveField(() => ClauseTemplateConnection, {
    description: "the organisation's clause templates the viewer may see, newest published first",
  })
  async clauseTemplates(
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
      (page, read) => this.templates.byOrganisation(ctx.viewer, organisation.localId, page, read),
      ClauseTemplateType.from,
    );
  }
}
