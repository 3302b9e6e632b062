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
    ],
  },
  {
    files: ['**/*.ts'],
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
              ],
            },
            {
              sourceTag: 'scope:moderation',
              onlyDependOnLibsWithTags: ['scope:content', 'scope:members', 'scope:core'],
            },
            {
              sourceTag: 'scope:content',
              onlyDependOnLibsWithTags: ['scope:members', 'scope:search', 'scope:core'],
            },
            { sourceTag: 'scope:members', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:search', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
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
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/testing.ts', 'tools/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { jest: jestPlugin },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] }],
      'no-console': 'off',
    },
  },
  prettier,
];
