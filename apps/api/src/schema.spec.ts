import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { TestApp } from '@resocc/core/testing';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createPlatformTestApp } from './testing/app';

const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');
const HEADER = '# Generated from the code by the API (npm run schema:generate). Do not edit by hand.\n\n';

describe('apps/api/schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  it('is exactly what the code generates', () => {
    const generated =
      HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // On failure: run `npm run schema:generate` and commit apps/api/schema.gql.
    expect(committed).toBe(generated);
  });
});
