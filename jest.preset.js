// Shared Jest configuration: every project transforms TypeScript (and the ES-module-only
// packages NestJS 12 and meilisearch) with SWC to CommonJS, and shares one embedded
// PostgreSQL per Jest run (tools/jest/global-setup.ts).
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

/** @param {string} projectRoot @param {string} name */
module.exports = function preset(projectRoot, name) {
  return {
    displayName: name,
    rootDir: projectRoot,
    testEnvironment: 'node',
    testMatch: ['**/*.spec.ts'],
    // The Meilisearch contract suite needs a server: it runs only when MEILI_URL is set.
    testPathIgnorePatterns: [
      '/node_modules/',
      ...(process.env.MEILI_URL ? [] : ['meilisearch\\.engine\\.contract\\.spec\\.ts$']),
    ],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    transform: {
      '^.+\\.(t|j|mj|cj)s$': [
        '@swc/jest',
        { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, parser: { syntax: 'typescript', decorators: true } } },
      ],
    },
    transformIgnorePatterns: [
      '/node_modules/(?!(@nestjs|meilisearch|@apollo/server|uuid|file-type|@as-integrations)/)',
    ],
    moduleNameMapper: {
      '^@resocc/api/testing$': path.join(__dirname, 'apps/api/src/testing/app.ts'),
      '^@resocc/(core|members|content|moderation|search)/testing$': path.join(
        __dirname,
        'libs/$1/src/testing',
      ),
      '^@resocc/(core|members|content|moderation|search|shared)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    },
    globalSetup: path.join(__dirname, 'tools/jest/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'tools/jest/global-teardown.ts'),
    testTimeout: 60000,
    maxWorkers: process.env.CI ? 2 : '50%',
  };
};
