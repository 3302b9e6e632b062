import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Trust1796204155833 implements MigrationInterface {
  name = 'Trust1796204155833';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_verification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b985a8362d9dac51e3d6120d40e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "email_verification_token_hash_key" ON "email_verification"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "email_verification_user_idx" ON "email_verification"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "known_address" ("user_id" uuid NOT NULL, "address_hash" character(64) NOT NULL, "last_success_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2553764404cfc4399be51d23c93" PRIMARY KEY ("user_id", "address_hash"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."membership_request_status" AS ENUM('PENDING', 'APPROVED', 'REFUSED', 'EXPIRED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "membership_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" "public"."membership_request_status" NOT NULL DEFAULT 'PENDING', "reason" text, "decided_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ab282071990a6efd6967ec4111f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_request_status_idx" ON "membership_request"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_request_organisation_idx" ON "membership_request"  ("organisation_id", "status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "membership_request_one_pending" ON "membership_request"  ("user_id") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "verified_email_domains" character varying(253) array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "user_account" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD "membership_approved_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "user_account" ADD "referent" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX "organisation_siret_idx" ON "organisation"  ("siret") `);
    // A REJECTED application no longer blocks its SIRET: one live organisation per SIRET.
    await queryRunner.query(`DROP INDEX "public"."organisation_siret_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisation_siret_key" ON "organisation"  ("siret") WHERE membership_status <> 'REJECTED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_verification" ADD CONSTRAINT "FK_e7eb5e3c3dd984d69f6eb1cdf1c" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "known_address" ADD CONSTRAINT "FK_904d8278c1924098e2c18777719" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_request" ADD CONSTRAINT "FK_659f8dbd9828973d2a18c9b2435" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_request" ADD CONSTRAINT "FK_e82162ae946c24345dabf4932ed" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_request" ADD CONSTRAINT "FK_8670f9170d5bfd8c7a982f2ded5" FOREIGN KEY ("decided_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Accounts made before this migration joined without a check: they keep their access
    // (verified and approved as of their creation), and each organisation's first account
    // becomes its référent.
    await queryRunner.query(
      `UPDATE "user_account" SET "email_verified_at" = "created_at", "membership_approved_at" = "created_at"
       WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `UPDATE "user_account" SET "referent" = true WHERE "id" IN (
         SELECT DISTINCT ON ("organisation_id") "id" FROM "user_account" WHERE "deleted_at" IS NULL
         ORDER BY "organisation_id", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "membership_request" DROP CONSTRAINT "FK_8670f9170d5bfd8c7a982f2ded5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_request" DROP CONSTRAINT "FK_e82162ae946c24345dabf4932ed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_request" DROP CONSTRAINT "FK_659f8dbd9828973d2a18c9b2435"`,
    );
    await queryRunner.query(`ALTER TABLE "known_address" DROP CONSTRAINT "FK_904d8278c1924098e2c18777719"`);
    await queryRunner.query(
      `ALTER TABLE "email_verification" DROP CONSTRAINT "FK_e7eb5e3c3dd984d69f6eb1cdf1c"`,
    );
    await queryRunner.query(`DROP INDEX "public"."organisation_siret_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisation_siret_key" ON "organisation"  ("siret") `);
    await queryRunner.query(`DROP INDEX "public"."organisation_siret_idx"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "referent"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "membership_approved_at"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "verified_email_domains"`);
    await queryRunner.query(`DROP INDEX "public"."membership_request_one_pending"`);
    await queryRunner.query(`DROP INDEX "public"."membership_request_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."membership_request_status_idx"`);
    await queryRunner.query(`DROP TABLE "membership_request"`);
    await queryRunner.query(`DROP TYPE "public"."membership_request_status"`);
    await queryRunner.query(`DROP TABLE "known_address"`);
    await queryRunner.query(`DROP INDEX "public"."email_verification_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."email_verification_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "email_verification"`);
  }
}
