import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search queries look for the newest matches only, a bounded window of them (libs/search
 * PostgresSearchEngine):
 * - month by month: a `month` column (UTC, from updated_at) and a GIN index on
 *   (month, tsv) (btree_gin), so one month's matches cost that month's postings only;
 * - or by walking the newest documents: an index on (updated_at DESC, key), and small rows
 *   whose tsvector is in the row (STORAGE MAIN) while the texts move out of line
 *   (toast_tuple_target 128) and the short columns stay in (STORAGE PLAIN);
 * - every facet value in one array (`facet:value`), counted in one pass;
 * - completions of the last word looked up by prefix in the vocabulary (text_pattern_ops),
 *   and each vocabulary word's stem, so that a query word no document has is not searched.
 */
const PLAIN_COLUMNS = [
  'key',
  'type',
  'visibility',
  'kind',
  'department_code',
  'procedure_type',
  'themes',
  'considerations',
];

export class SearchWindow1796000000000 implements MigrationInterface {
  name = 'SearchWindow1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE search_document SET (toast_tuple_target = 128)`);
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN`);
    // Short bounded columns never leave the row (the toaster would otherwise move them out
    // before it compresses the tsvector): only title, summary and body go out of line.
    for (const column of PLAIN_COLUMNS)
      await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN ${column} SET STORAGE PLAIN`);
    await queryRunner.query(
      `ALTER TABLE search_document ADD COLUMN facet_values text[] STORAGE PLAIN NOT NULL DEFAULT '{}'`,
    );
    // Rewrites every row with new values, which stores them with the new layout.
    await queryRunner.query(`UPDATE search_document SET key = key || '', type = type || '', visibility = visibility || '',
      themes = themes || '{}'::text[], considerations = considerations || '{}'::text[], facet_values =
      ARRAY['type:' || type]
      || ARRAY(SELECT 'themes:' || t FROM unnest(themes) AS t)
      || ARRAY(SELECT 'considerations:' || c FROM unnest(considerations) AS c)
      || CASE WHEN kind IS NULL THEN '{}'::text[] ELSE ARRAY['kind:' || kind] END
      || CASE WHEN department_code IS NULL THEN '{}'::text[] ELSE ARRAY['departmentCode:' || department_code] END
      || CASE WHEN procedure_type IS NULL THEN '{}'::text[] ELSE ARRAY['procedureType:' || procedure_type] END`);
    await queryRunner.query(`ALTER TABLE search_document ADD COLUMN month int GENERATED ALWAYS AS (
      (extract(year FROM (updated_at AT TIME ZONE 'UTC')) * 12 + extract(month FROM (updated_at AT TIME ZONE 'UTC')) - 1)::int
    ) STORED`);
    await queryRunner.query(`DROP INDEX search_document_filter_idx`);
    await queryRunner.query(`DROP INDEX search_document_tsv_idx`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(
      `CREATE INDEX search_document_month_tsv_idx ON search_document USING gin (month, tsv)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_recent_idx ON search_document (updated_at DESC, key)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_vocabulary_prefix_idx ON search_vocabulary (word text_pattern_ops)`,
    );
    // The stem of each word: a query word whose stems no document has is not searched for.
    await queryRunner.query(`ALTER TABLE search_vocabulary ADD COLUMN stem text`);
    await queryRunner.query(
      `UPDATE search_vocabulary SET stem = (tsvector_to_array(to_tsvector('french_unaccent', word)))[1]`,
    );
    await queryRunner.query(`CREATE INDEX search_vocabulary_stem_idx ON search_vocabulary (stem)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE search_vocabulary DROP COLUMN stem`);
    await queryRunner.query(`DROP INDEX search_vocabulary_prefix_idx`);
    await queryRunner.query(`DROP INDEX search_document_recent_idx`);
    await queryRunner.query(`DROP INDEX search_document_month_tsv_idx`);
    await queryRunner.query(`CREATE INDEX search_document_tsv_idx ON search_document USING gin (tsv)`);
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN month`);
    await queryRunner.query(
      `CREATE INDEX search_document_filter_idx ON search_document (visibility, type, updated_at DESC)`,
    );
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN facet_values`);
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE EXTENDED`);
    for (const column of PLAIN_COLUMNS)
      await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN ${column} SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE search_document RESET (toast_tuple_target)`);
  }
}
