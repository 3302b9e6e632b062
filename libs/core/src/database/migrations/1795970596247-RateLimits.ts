import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795970596247 implements MigrationInterface {
  name = 'RateLimits1795970596247';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counter" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_ebe8d4cd94f7816b2455101405e" PRIMARY KEY ("key", "window_start"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
