import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions and helpers the search and validation code relies on. */
export class Extensions1764400000000 implements MigrationInterface {
  name = 'Extensions1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE; indexes need an IMMUTABLE wrapper bound to a fixed dictionary.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS immutable_unaccent(text)`);
  }
}
