import { Field, InputType, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { PageInfo, resolveTypename } from '@resocc/core';
import { ExperiencePostType } from '../posts/dto/experience-post.type';
import { ClauseKind, Consideration, ProcedureType } from '../shared/enums';
import { ClauseTemplateType } from '../templates/dto/clause-template.type';

export enum SearchableType {
  EXPERIENCE_POST = 'EXPERIENCE_POST',
  CLAUSE_TEMPLATE = 'CLAUSE_TEMPLATE',
}
registerEnumType(SearchableType, { name: 'SearchableType' });

export const SearchHitNode = createUnionType({
  name: 'SearchHitNode',
  types: () => [ExperiencePostType, ClauseTemplateType] as const,
  resolveType: resolveTypename,
});

@InputType('SearchInput')
export class SearchInput {
  @Field({ description: 'free text; typos, accents and French word forms tolerated' })
  query!: string;

  @Field(() => [SearchableType], { nullable: true })
  types?: SearchableType[] | null;

  @Field(() => [String], { nullable: true, description: 'theme slugs' })
  themes?: string[] | null;

  @Field(() => [Consideration], { nullable: true })
  considerations?: Consideration[] | null;

  @Field(() => [ClauseKind], { nullable: true })
  kinds?: ClauseKind[] | null;

  @Field(() => [String], { nullable: true })
  departmentCodes?: string[] | null;

  @Field(() => [ProcedureType], { nullable: true })
  procedureTypes?: ProcedureType[] | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType('SearchHit')
export class SearchHitType {
  @Field(() => SearchHitNode)
  node!: ExperiencePostType | ClauseTemplateType;

  @Field({ description: 'matched terms wrapped in <mark></mark>, all else escaped' })
  titleHighlight!: string;

  @Field({ description: 'a short excerpt around the best match, same marking' })
  snippet!: string;
}

@ObjectType('FacetValue')
export class FacetValueType {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('Facet')
export class FacetType {
  @Field({ description: '"type", "themes", "considerations", "kind", "departmentCode", "procedureType"' })
  name!: string;

  @Field(() => [FacetValueType])
  values!: FacetValueType[];
}

@ObjectType('SearchResult')
export class SearchResultType {
  @Field(() => [SearchHitType])
  hits!: SearchHitType[];

  @Field(() => Int, {
    description:
      'documents found; when totalHitsExact is false, more match than the engine ranks and counts, and this is that bound (1,000 on the embedded engine): show "plus de N résultats"',
  })
  totalHits!: number;

  @Field({
    description:
      'false when more documents match than the engine counts: totalHits and the facets then cover the newest matches up to that bound (ranking still puts older documents whose title has every word first); narrow the query or filter to see exact counts',
  })
  totalHitsExact!: boolean;

  @Field(() => [FacetType], { description: 'counts over the same matches as totalHits' })
  facets!: FacetType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => String, {
    nullable: true,
    description:
      'when nothing matches: the query with its unknown words replaced by the nearest words of visible documents, to offer as « Essayez : … »; null otherwise',
  })
  suggestion!: string | null;
}

@InputType('SearchCompletionsInput')
export class SearchCompletionsInput {
  @Field({ description: 'what the person has typed so far; the last word is completed' })
  prefix!: string;

  @Field(() => Int, { nullable: true, description: 'at most this many (default 8, max 20)' })
  first?: number | null;
}
