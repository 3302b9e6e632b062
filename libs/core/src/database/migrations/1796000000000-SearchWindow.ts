import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search queries walk the newest documents and stop after a bounded window of matches
 * (libs/search PostgresSearchEngine), so the rows they walk must be small: the texts move
 * out of line (toast_tuple_target 128) while the tsvector stays in the row (STORAGE MAIN),
 * an index on (updated_at DESC, key) gives the walk its order, and every facet value is
 * kept in one array (`facet:value`) counted in one pass.
 */
export class SearchWindow1796000000000 implements MigrationInterface {
  name = 'SearchWindow1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE search_document SET (toast_tuple_target = 128)`);
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE MAIN`);
    await queryRunner.query(
      `ALTER TABLE search_document ADD COLUMN facet_values text[] NOT NULL DEFAULT '{}'`,
    );
    // Rewrites every row, which also stores it with the new layout.
    await queryRunner.query(`UPDATE search_document SET facet_values =
      ARRAY['type:' || type]
      || ARRAY(SELECT 'themes:' || t FROM unnest(themes) AS t)
      || ARRAY(SELECT 'considerations:' || c FROM unnest(considerations) AS c)
      || CASE WHEN kind IS NULL THEN '{}'::text[] ELSE ARRAY['kind:' || kind] END
      || CASE WHEN department_code IS NULL THEN '{}'::text[] ELSE ARRAY['departmentCode:' || department_code] END
      || CASE WHEN procedure_type IS NULL THEN '{}'::text[] ELSE ARRAY['procedureType:' || procedure_type] END`);
    await queryRunner.query(`DROP INDEX search_document_filter_idx`);
    await queryRunner.query(
      `CREATE INDEX search_document_recent_idx ON search_document (updated_at DESC, key)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX search_document_recent_idx`);
    await queryRunner.query(
      `CREATE INDEX search_document_filter_idx ON search_document (visibility, type, updated_at DESC)`,
    );
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN facet_values`);
    await queryRunner.query(`ALTER TABLE search_document ALTER COLUMN tsv SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE search_document RESET (toast_tuple_target)`);
  }
}
