// Every GraphQL operation the web app sends. `node apps/web/tools/codegen.mjs` types them
// into src/gql (committed; the `codegen` target fails when it is stale).
import { graphql } from '../gql';

export const PostCardFields = graphql(`
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
`);

export const TemplateCardFields = graphql(`
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
`);

export const HomeQuery = graphql(`
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
`);

export const ThemesQuery = graphql(`
  query Themes {
    themes {
      slug
      label
    }
  }
`);

export const SearchQuery = graphql(`
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
`);

export const SuggestQuery = graphql(`
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
`);

export const PostQuery = graphql(`
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
`);

export const TemplateQuery = graphql(`
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
`);

export const OrganisationQuery = graphql(`
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
`);

export const PostsQuery = graphql(`
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
`);

export const TemplatesQuery = graphql(`
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
`);

export const OrganisationsQuery = graphql(`
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
`);

export const ThemeQuery = graphql(`
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
`);

export const CollectionQuery = graphql(`
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
`);

export const SitemapQuery = graphql(`
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
`);
