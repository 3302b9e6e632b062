import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchSourceOrder1796028127053 implements MigrationInterface {
  name = 'SearchSourceOrder1796028127053';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "clause_template_search_source_idx" ON "clause_template"  ("status", "updated_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "experience_post_search_source_idx" ON "experience_post"  ("status", "updated_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."experience_post_search_source_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clause_template_search_source_idx"`);
  }
}
