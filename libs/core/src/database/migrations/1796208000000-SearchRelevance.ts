import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search relevance (issue 14): more searchable fields, each with its weight, and a second,
 * short tsvector for the first pass of ranking.
 * - `codes`: identifiers in their normal form (legal references, decree and law numbers,
 *   CPV codes, SIRET, département code, year); weight A, like the title.
 * - `labels`: theme labels and the organisation's name; weight B, like the summary.
 * - `context`: the kind's label, the département's name, CPV labels; weight C, like the body.
 * - `head_tsv`: title and codes only, with a GIN index on (month, head_tsv): documents whose
 *   title or identifiers have every query word are ranked first, found however old they are.
 * Existing documents get the new fields at the next `npm run search:reindex`.
 */
const TSV = `setweight(to_tsvector('french_unaccent', title), 'A') ||
  setweight(to_tsvector('french_unaccent', codes), 'A') ||
  setweight(to_tsvector('french_unaccent', summary), 'B') ||
  setweight(to_tsvector('french_unaccent', labels), 'B') ||
  setweight(to_tsvector('french_unaccent', body), 'C') ||
  setweight(to_tsvector('french_unaccent', context), 'C')`;
const HEAD = `setweight(to_tsvector('french_unaccent', title), 'A') || setweight(to_tsvector('french_unaccent', codes), 'A')`;
const OLD_TSV = `setweight(to_tsvector('french_unaccent', title), 'A') ||
  setweight(to_tsvector('french_unaccent', summary), 'B') ||
  setweight(to_tsvector('french_unaccent', body), 'C')`;

export class SearchRelevance1796208000000 implements MigrationInterface {
  name = 'SearchRelevance1796208000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['codes', 'labels', 'context'])
      await queryRunner.query(`ALTER TABLE search_document ADD COLUMN ${column} text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN tsv`);
    await queryRunner.query(
      `ALTER TABLE search_document ADD COLUMN tsv tsvector GENERATED ALWAYS AS (${TSV}) STORED`,
    );
    await queryRunner.query(
      `ALTER TABLE search_document ADD COLUMN head_tsv tsvector GENERATED ALWAYS AS (${HEAD}) STORED`,
    );
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN`);
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN head_tsv SET STORAGE MAIN`);
    await queryRunner.query(
      `CREATE INDEX search_document_month_tsv_idx ON search_document USING gin (month, tsv)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_month_head_idx ON search_document USING gin (month, head_tsv)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX search_document_month_head_idx`);
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN head_tsv`);
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN tsv`);
    await queryRunner.query(
      `ALTER TABLE search_document ADD COLUMN tsv tsvector GENERATED ALWAYS AS (${OLD_TSV}) STORED`,
    );
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN`);
    await queryRunner.query(
      `CREATE INDEX search_document_month_tsv_idx ON search_document USING gin (month, tsv)`,
    );
    for (const column of ['codes', 'labels', 'context'])
      await queryRunner.query(`ALTER TABLE search_document DROP COLUMN ${column}`);
  }
}
