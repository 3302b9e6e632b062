import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content lists sort on COALESCE(published_at, created_at) DESC, id DESC and filter on
 * status and visibility (or on the organisation): index exactly that, so a page reads
 * only its rows.
 */
export class ListIndexes1795973000000 implements MigrationInterface {
  name = 'ListIndexes1795973000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['experience_post', 'clause_template']) {
      await queryRunner.query(
        `CREATE INDEX ${table}_list_idx ON ${table} (status, visibility, (COALESCE(published_at, created_at)) DESC, id DESC)`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_status_list_idx ON ${table} (status, (COALESCE(published_at, created_at)) DESC, id DESC)`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_organisation_list_idx ON ${table} (organisation_id, (COALESCE(published_at, created_at)) DESC, id DESC)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['experience_post', 'clause_template']) {
      await queryRunner.query(`DROP INDEX ${table}_organisation_list_idx`);
      await queryRunner.query(`DROP INDEX ${table}_status_list_idx`);
      await queryRunner.query(`DROP INDEX ${table}_list_idx`);
    }
  }
}
