import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  Ctx,
  FieldErrors,
  type GraphQLContext,
  Public,
  Role,
  encodeCursor,
  hasRole,
  isModerator,
  isValidDepartmentCode,
  pageRequest,
} from '@resocc/core';
import { type DocumentVisibility, FACET_NAMES, SearchEngines, highlightToHtml } from '@resocc/search';
import { ExperiencePostType } from '../posts/dto/experience-post.type';
import { PostService } from '../posts/post.service';
import { ClauseTemplateType } from '../templates/dto/clause-template.type';
import { TemplateService } from '../templates/template.service';
import { ThemeService } from '../themes/theme.service';
import { SearchCompletionsInput, SearchInput, SearchResultType, type SearchHitType } from './search.types';

const MAX_QUERY = 200;
const MAX_PREFIX = 100;
const MAX_COMPLETIONS = 20;

@Resolver()
export class SearchResolver {
  constructor(
    private readonly engines: SearchEngines,
    private readonly posts: PostService,
    private readonly templates: TemplateService,
    private readonly themes: ThemeService,
  ) {}

  @Public()
  @Query(() => SearchResultType, { description: 'Full-text search over the content the viewer may see.' })
  async search(@Args('input') input: SearchInput, @Ctx() ctx: GraphQLContext): Promise<SearchResultType> {
    const errors = new FieldErrors();
    errors.check(
      input.query.length <= MAX_QUERY,
      'input.query',
      `La recherche ne peut dépasser ${MAX_QUERY} caractères.`,
    );
    const known = await this.themes.knownSlugs();
    (input.themes ?? []).forEach((slug, i) =>
      errors.check(known.has(slug), `input.themes.${i}`, `Thème inconnu : « ${slug.slice(0, 64)} ».`),
    );
    (input.departmentCodes ?? []).forEach((code, i) =>
      errors.check(
        isValidDepartmentCode(code),
        `input.departmentCodes.${i}`,
        "Ce code de département INSEE n'existe pas.",
      ),
    );
    errors.throwIfAny();
    const page = pageRequest({ first: input.first, after: input.after }, ['int'], 'input.');
    const offset = page.after ? Number(page.after[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) {
      errors.add('input.after', "Ce curseur n'est pas valide.").throwIfAny();
    }
    const visibilities = this.visibilities(ctx);
    const response = await this.engines.search({
      query: input.query,
      filters: {
        types: input.types ?? undefined,
        themes: input.themes ?? undefined,
        considerations: input.considerations ?? undefined,
        kinds: input.kinds ?? undefined,
        departmentCodes: input.departmentCodes ?? undefined,
        procedureTypes: input.procedureTypes ?? undefined,
      },
      visibilities,
      offset,
      limit: page.limit,
    });
    // Resolve hits to nodes through the visibility rule again: the index may lag a moment.
    const postIds = response.hits.filter((h) => h.type === 'EXPERIENCE_POST').map((h) => h.entityId);
    const templateIds = response.hits.filter((h) => h.type === 'CLAUSE_TEMPLATE').map((h) => h.entityId);
    const [posts, templates] = await Promise.all([
      postIds.length ? this.posts.visibleByIds(ctx.viewer, postIds) : [],
      templateIds.length ? this.templates.visibleByIds(ctx.viewer, templateIds) : [],
    ]);
    const nodes = new Map<string, ExperiencePostType | ClauseTemplateType>();
    for (const post of posts)
      if (post) nodes.set(`EXPERIENCE_POST:${post.id}`, ExperiencePostType.from(post));
    for (const template of templates)
      if (template) nodes.set(`CLAUSE_TEMPLATE:${template.id}`, ClauseTemplateType.from(template));
    const hits: SearchHitType[] = [];
    for (const hit of response.hits) {
      const node = nodes.get(hit.key);
      if (node)
        hits.push({
          node,
          titleHighlight: highlightToHtml(hit.titleHighlight),
          snippet: highlightToHtml(hit.snippet),
        });
    }
    const end = offset + response.hits.length;
    const suggestion =
      response.totalHits === 0 && input.query.trim() !== ''
        ? await this.engines.suggestion(input.query, visibilities)
        : null;
    return {
      suggestion,
      hits,
      totalHits: response.totalHits,
      totalHitsExact: response.totalHitsExact,
      facets: FACET_NAMES.map((name) => ({ name, values: response.facets[name] })),
      pageInfo: {
        hasNextPage: end < response.totalHits,
        hasPreviousPage: offset > 0,
        startCursor: response.hits.length > 0 ? encodeCursor([offset]) : null,
        endCursor: response.hits.length > 0 ? encodeCursor([end]) : null,
      },
    };
  }

  @Public()
  @Query(() => [String], {
    description:
      'Search as you type: the text typed so far with its last word completed from words of documents the viewer may see, shortest first.',
  })
  async searchCompletions(
    @Args('input') input: SearchCompletionsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string[]> {
    const errors = new FieldErrors();
    errors.check(
      input.prefix.length <= MAX_PREFIX,
      'input.prefix',
      `Le texte à compléter ne peut dépasser ${MAX_PREFIX} caractères.`,
    );
    const first = input.first ?? 8;
    errors.check(
      Number.isInteger(first) && first >= 1 && first <= MAX_COMPLETIONS,
      'input.first',
      `Entre 1 et ${MAX_COMPLETIONS} propositions.`,
    );
    errors.throwIfAny();
    return this.engines.completions(input.prefix, this.visibilities(ctx), first);
  }

  /** The index visibilities the viewer may see. */
  private visibilities(ctx: GraphQLContext): DocumentVisibility[] {
    return hasRole(ctx.viewer, Role.MEMBER) || isModerator(ctx.viewer) ? ['PUBLIC', 'MEMBERS'] : ['PUBLIC'];
  }
}
