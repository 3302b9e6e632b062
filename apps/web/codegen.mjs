// GraphQL Code Generator: typed operations (TypedDocumentString) from the API's schema.
// The operations are the graphql(`...`) calls in src/; the output in src/gql is committed.
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
const config = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: false,
        skipTypename: false,
      },
    },
  },
  hooks: {},
  silent: true,
};
export default config;
