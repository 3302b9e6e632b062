/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ClauseKind =
  | 'AWARD_CRITERION'
  /** condition d'exécution */
  | 'PERFORMANCE_CONDITION'
  /** marché réservé */
  | 'RESERVED_CONTRACT'
  | 'SELECTION_CRITERION'
  | 'TECHNICAL_SPECIFICATION';

export type Consideration =
  | 'ENVIRONMENTAL'
  | 'SOCIAL';

export type OrganisationKind =
  /** networks, federations, consular or support bodies */
  | 'ASSOCIATION_RESEAU'
  /** commune, département, région, EPCI, métropole */
  | 'COLLECTIVITE_TERRITORIALE'
  | 'ENTREPRISE'
  /** économie sociale et solidaire */
  | 'ENTREPRISE_ESS'
  /** université, chambre consulaire, office public... */
  | 'ETABLISSEMENT_PUBLIC'
  | 'ETABLISSEMENT_SANTE'
  | 'SERVICE_ETAT'
  /** EA, ESAT */
  | 'STRUCTURE_HANDICAP'
  /** SIAE: EI, ETTI, AI, ACI */
  | 'STRUCTURE_INSERTION';

export type ProcedureType =
  | 'APPEL_OFFRES_OUVERT'
  | 'APPEL_OFFRES_RESTREINT'
  | 'DIALOGUE_COMPETITIF'
  | 'PROCEDURE_ADAPTEE'
  | 'PROCEDURE_AVEC_NEGOCIATION'
  | 'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE';

export type SearchInput = {
  after?: string | null | undefined;
  considerations?: Array<Consideration> | null | undefined;
  departmentCodes?: Array<string> | null | undefined;
  first?: number | null | undefined;
  kinds?: Array<ClauseKind> | null | undefined;
  procedureTypes?: Array<ProcedureType> | null | undefined;
  /** free text; typos, accents and French word forms tolerated */
  query: string;
  /** theme slugs */
  themes?: Array<string> | null | undefined;
  types?: Array<SearchableType> | null | undefined;
};

export type SearchableType =
  | 'CLAUSE_TEMPLATE'
  | 'EXPERIENCE_POST';

export type VariableType =
  | 'CHOICE'
  | 'DATE'
  | 'NUMBER'
  | 'PERCENT'
  | 'TEXT';

export type Visibility =
  /** signed-in users of ACTIVE organisations only */
  | 'MEMBERS'
  /** anyone, signed in or not */
  | 'PUBLIC';

export type PostCardFieldsFragment = { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> };

export type TemplateCardFieldsFragment = { id: string, title: string, summary: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { themes: Array<{ slug: string, label: string }>, collections: Array<{ id: string, title: string, description: string }>, experiencePosts: { totalCount: number, edges: Array<{ node: { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } };

export type ThemesQueryVariables = Exact<{ [key: string]: never; }>;


export type ThemesQuery = { themes: Array<{ slug: string, label: string }> };

export type SearchQueryVariables = Exact<{
  input: SearchInput;
}>;


export type SearchQuery = { themes: Array<{ slug: string, label: string }>, search: { totalHits: number, totalHitsExact: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: Array<{ name: string, values: Array<{ value: string, count: number }> }>, hits: Array<{ titleHighlight: string, snippet: string, node:
        | { __typename: 'ClauseTemplate', id: string, title: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> }
        | { __typename: 'ExperiencePost', id: string, title: string, contractYear: number | null, departmentCode: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> }
       }> } };

export type SuggestQueryVariables = Exact<{
  input: SearchInput;
}>;


export type SuggestQuery = { search: { hits: Array<{ node:
        | { __typename: 'ClauseTemplate', id: string, title: string }
        | { __typename: 'ExperiencePost', id: string, title: string }
       }> } };

export type PostQueryVariables = Exact<{
  id: string | number;
}>;


export type PostQuery = { node:
    | { __typename: 'ClauseTemplate' }
    | { __typename: 'Collection' }
    | { __typename: 'ExperiencePost', id: string, title: string, summary: string, bodyHtml: string, contractYear: number | null, cpvCodes: Array<string>, departmentCode: string | null, procedureType: ProcedureType | null, considerations: Array<Consideration>, outcomes: string | null, publishedAt: string | null, updatedAt: string, organisation: { id: string, name: string, kind: OrganisationKind }, themes: Array<{ slug: string, label: string }>, clauseTemplates: Array<{ id: string, title: string, kind: ClauseKind }> }
    | { __typename: 'MembershipRequest' }
    | { __typename: 'ModerationEvent' }
    | { __typename: 'Notification' }
    | { __typename: 'Organisation' }
    | { __typename: 'Report' }
    | { __typename: 'Theme' }
    | { __typename: 'User' }
   | null };

export type TemplateQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type TemplateQuery = { node:
    | { __typename: 'ClauseTemplate', id: string, title: string, summary: string, kind: ClauseKind, body: string, revision: number, legalReferences: Array<string>, considerations: Array<Consideration>, publishedAt: string | null, updatedAt: string, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }>, variables: Array<{ name: string, label: string, type: VariableType, required: boolean, options: Array<string> | null }>, usedIn: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } }
    | { __typename: 'Collection' }
    | { __typename: 'ExperiencePost' }
    | { __typename: 'MembershipRequest' }
    | { __typename: 'ModerationEvent' }
    | { __typename: 'Notification' }
    | { __typename: 'Organisation' }
    | { __typename: 'Report' }
    | { __typename: 'Theme' }
    | { __typename: 'User' }
   | null };

export type OrganisationQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
  templatesAfter?: string | null | undefined;
}>;


export type OrganisationQuery = { node:
    | { __typename: 'ClauseTemplate' }
    | { __typename: 'Collection' }
    | { __typename: 'ExperiencePost' }
    | { __typename: 'MembershipRequest' }
    | { __typename: 'ModerationEvent' }
    | { __typename: 'Notification' }
    | { __typename: 'Organisation', id: string, name: string, kind: OrganisationKind, departmentCode: string, website: string | null, experiencePosts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> }, clauseTemplates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, summary: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } }
    | { __typename: 'Report' }
    | { __typename: 'Theme' }
    | { __typename: 'User' }
   | null };

export type PostsQueryVariables = Exact<{
  after?: string | null | undefined;
  themes?: Array<string> | string | null | undefined;
}>;


export type PostsQuery = { experiencePosts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } };

export type TemplatesQueryVariables = Exact<{
  after?: string | null | undefined;
  themes?: Array<string> | string | null | undefined;
}>;


export type TemplatesQuery = { clauseTemplates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, summary: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } };

export type OrganisationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type OrganisationsQuery = { organisations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: OrganisationKind, departmentCode: string } }> } };

export type ThemeQueryVariables = Exact<{
  themes?: Array<string> | string | null | undefined;
}>;


export type ThemeQuery = { themes: Array<{ slug: string, label: string }>, experiencePosts: { totalCount: number, edges: Array<{ node: { id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> }, clauseTemplates: { totalCount: number, edges: Array<{ node: { id: string, title: string, summary: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> } }> } };

export type CollectionQueryVariables = Exact<{
  id: string | number;
}>;


export type CollectionQuery = { node:
    | { __typename: 'ClauseTemplate' }
    | { __typename: 'Collection', id: string, title: string, description: string, createdAt: string, items: Array<
        | { __typename: 'ClauseTemplate', id: string, title: string, summary: string, kind: ClauseKind, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> }
        | { __typename: 'ExperiencePost', id: string, title: string, summary: string, contractYear: number | null, departmentCode: string | null, publishedAt: string | null, organisation: { id: string, name: string }, themes: Array<{ slug: string, label: string }> }
      > }
    | { __typename: 'ExperiencePost' }
    | { __typename: 'MembershipRequest' }
    | { __typename: 'ModerationEvent' }
    | { __typename: 'Notification' }
    | { __typename: 'Organisation' }
    | { __typename: 'Report' }
    | { __typename: 'Theme' }
    | { __typename: 'User' }
   | null };

export type SitemapQueryVariables = Exact<{ [key: string]: never; }>;


export type SitemapQuery = { themes: Array<{ slug: string, label: string }>, collections: Array<{ id: string, title: string }>, experiencePosts: { edges: Array<{ node: { id: string, title: string, visibility: Visibility, updatedAt: string } }> }, clauseTemplates: { edges: Array<{ node: { id: string, title: string, visibility: Visibility, updatedAt: string } }> }, organisations: { edges: Array<{ node: { id: string, name: string } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PostCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}
    `, {"fragmentName":"PostCardFields"}) as unknown as TypedDocumentString<PostCardFieldsFragment, unknown>;
export const TemplateCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment TemplateCardFields on ClauseTemplate {
  id
  title
  summary
  kind
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}
    `, {"fragmentName":"TemplateCardFields"}) as unknown as TypedDocumentString<TemplateCardFieldsFragment, unknown>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  themes {
    slug
    label
  }
  collections {
    id
    title
    description
  }
  experiencePosts(first: 6) {
    totalCount
    edges {
      node {
        ...PostCardFields
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const ThemesDocument = new TypedDocumentString(`
    query Themes {
  themes {
    slug
    label
  }
}
    `) as unknown as TypedDocumentString<ThemesQuery, ThemesQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($input: SearchInput!) {
  themes {
    slug
    label
  }
  search(input: $input) {
    totalHits
    totalHitsExact
    pageInfo {
      hasNextPage
      endCursor
    }
    facets {
      name
      values {
        value
        count
      }
    }
    hits {
      titleHighlight
      snippet
      node {
        __typename
        ... on ExperiencePost {
          id
          title
          contractYear
          departmentCode
          organisation {
            id
            name
          }
          themes {
            slug
            label
          }
        }
        ... on ClauseTemplate {
          id
          title
          kind
          publishedAt
          organisation {
            id
            name
          }
          themes {
            slug
            label
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const SuggestDocument = new TypedDocumentString(`
    query Suggest($input: SearchInput!) {
  search(input: $input) {
    hits {
      node {
        __typename
        ... on ExperiencePost {
          id
          title
        }
        ... on ClauseTemplate {
          id
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestQuery, SuggestQueryVariables>;
export const PostDocument = new TypedDocumentString(`
    query Post($id: ID!) {
  node(id: $id) {
    __typename
    ... on ExperiencePost {
      id
      title
      summary
      bodyHtml
      contractYear
      cpvCodes
      departmentCode
      procedureType
      considerations
      outcomes
      publishedAt
      updatedAt
      organisation {
        id
        name
        kind
      }
      themes {
        slug
        label
      }
      clauseTemplates {
        id
        title
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PostQuery, PostQueryVariables>;
export const TemplateDocument = new TypedDocumentString(`
    query Template($id: ID!, $after: String) {
  node(id: $id) {
    __typename
    ... on ClauseTemplate {
      id
      title
      summary
      kind
      body
      revision
      legalReferences
      considerations
      publishedAt
      updatedAt
      organisation {
        id
        name
      }
      themes {
        slug
        label
      }
      variables {
        name
        label
        type
        required
        options
      }
      usedIn(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...PostCardFields
          }
        }
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<TemplateQuery, TemplateQueryVariables>;
export const OrganisationDocument = new TypedDocumentString(`
    query Organisation($id: ID!, $after: String, $templatesAfter: String) {
  node(id: $id) {
    __typename
    ... on Organisation {
      id
      name
      kind
      departmentCode
      website
      experiencePosts(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...PostCardFields
          }
        }
      }
      clauseTemplates(first: 20, after: $templatesAfter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...TemplateCardFields
          }
        }
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}
fragment TemplateCardFields on ClauseTemplate {
  id
  title
  summary
  kind
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<OrganisationQuery, OrganisationQueryVariables>;
export const PostsDocument = new TypedDocumentString(`
    query Posts($after: String, $themes: [String!]) {
  experiencePosts(first: 20, after: $after, themes: $themes) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PostCardFields
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<PostsQuery, PostsQueryVariables>;
export const TemplatesDocument = new TypedDocumentString(`
    query Templates($after: String, $themes: [String!]) {
  clauseTemplates(first: 20, after: $after, themes: $themes) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...TemplateCardFields
      }
    }
  }
}
    fragment TemplateCardFields on ClauseTemplate {
  id
  title
  summary
  kind
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<TemplatesQuery, TemplatesQueryVariables>;
export const OrganisationsDocument = new TypedDocumentString(`
    query Organisations($after: String) {
  organisations(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        kind
        departmentCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationsQuery, OrganisationsQueryVariables>;
export const ThemeDocument = new TypedDocumentString(`
    query Theme($themes: [String!]) {
  themes {
    slug
    label
  }
  experiencePosts(first: 20, themes: $themes) {
    totalCount
    edges {
      node {
        ...PostCardFields
      }
    }
  }
  clauseTemplates(first: 20, themes: $themes) {
    totalCount
    edges {
      node {
        ...TemplateCardFields
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}
fragment TemplateCardFields on ClauseTemplate {
  id
  title
  summary
  kind
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<ThemeQuery, ThemeQueryVariables>;
export const CollectionDocument = new TypedDocumentString(`
    query Collection($id: ID!) {
  node(id: $id) {
    __typename
    ... on Collection {
      id
      title
      description
      createdAt
      items {
        __typename
        ... on ExperiencePost {
          ...PostCardFields
        }
        ... on ClauseTemplate {
          ...TemplateCardFields
        }
      }
    }
  }
}
    fragment PostCardFields on ExperiencePost {
  id
  title
  summary
  contractYear
  departmentCode
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}
fragment TemplateCardFields on ClauseTemplate {
  id
  title
  summary
  kind
  publishedAt
  organisation {
    id
    name
  }
  themes {
    slug
    label
  }
}`) as unknown as TypedDocumentString<CollectionQuery, CollectionQueryVariables>;
export const SitemapDocument = new TypedDocumentString(`
    query Sitemap {
  themes {
    slug
    label
  }
  collections {
    id
    title
  }
  experiencePosts(first: 100) {
    edges {
      node {
        id
        title
        visibility
        updatedAt
      }
    }
  }
  clauseTemplates(first: 100) {
    edges {
      node {
        id
        title
        visibility
        updatedAt
      }
    }
  }
  organisations(first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SitemapQuery, SitemapQueryVariables>;