import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search engine: documents with a weighted tsvector in a French
 * configuration that ignores accents, a vocabulary for typo tolerance (pg_trgm +
 * levenshtein), and a NOTIFY on the outbox so the indexer wakes at commit.
 * Not TypeORM entities: written and read with SQL by libs/search only.
 */
export class SearchDocuments1795972000000 implements MigrationInterface {
  name = 'SearchDocuments1795972000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)`);
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem`,
    );
    await queryRunner.query(`CREATE TABLE search_document (
      key varchar(80) PRIMARY KEY,
      type varchar(40) NOT NULL,
      entity_id uuid NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      body text NOT NULL,
      themes text[] NOT NULL DEFAULT '{}',
      considerations text[] NOT NULL DEFAULT '{}',
      kind text,
      department_code text,
      procedure_type text,
      visibility text NOT NULL,
      updated_at timestamptz NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french_unaccent', title), 'A') ||
        setweight(to_tsvector('french_unaccent', summary), 'B') ||
        setweight(to_tsvector('french_unaccent', body), 'C')
      ) STORED
    )`);
    await queryRunner.query(`CREATE INDEX search_document_tsv_idx ON search_document USING gin (tsv)`);
    await queryRunner.query(`CREATE INDEX search_document_themes_idx ON search_document USING gin (themes)`);
    await queryRunner.query(
      `CREATE INDEX search_document_filter_idx ON search_document (visibility, type, updated_at DESC)`,
    );
    await queryRunner.query(`CREATE TABLE search_vocabulary (word text PRIMARY KEY)`);
    await queryRunner.query(
      `CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (word gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE FUNCTION notify_search_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('search_outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER search_outbox_notify AFTER INSERT ON search_outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_search_outbox()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER search_outbox_notify ON search_outbox`);
    await queryRunner.query(`DROP FUNCTION notify_search_outbox()`);
    await queryRunner.query(`DROP TABLE search_vocabulary`);
    await queryRunner.query(`DROP TABLE search_document`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION french_unaccent`);
  }
}
