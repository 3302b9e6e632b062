import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Members1795970743641 implements MigrationInterface {
  name = 'Members1795970743641';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('COLLECTIVITE_TERRITORIALE', 'SERVICE_ETAT', 'ETABLISSEMENT_PUBLIC', 'ETABLISSEMENT_SANTE', 'ENTREPRISE_ESS', 'STRUCTURE_INSERTION', 'STRUCTURE_HANDICAP', 'ASSOCIATION_RESEAU', 'ENTREPRISE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."membership_status" AS ENUM('PENDING', 'ACTIVE', 'SUSPENDED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "siret" character(14) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "department_code" character varying(3) NOT NULL, "website" character varying(300), "membership_status" "public"."membership_status" NOT NULL DEFAULT 'PENDING', "membership_status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "membership_status_reason" text, "trusted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "organisation_siret_key" ON "organisation"  ("siret") `);
    await queryRunner.query(
      `CREATE INDEX "organisation_status_created_idx" ON "organisation"  ("membership_status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254), "display_name" character varying(100) NOT NULL, "password_hash" text, "organisation_id" uuid NOT NULL, "granted_roles" text array NOT NULL DEFAULT '{}', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "user_account_email_key" ON "user_account"  ("email") `);
    await queryRunner.query(
      `CREATE INDEX "user_account_organisation_idx" ON "user_account"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(40), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "session_token_hash_key" ON "session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "session_user_idx" ON "session"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "session_family_idx" ON "session"  ("family_id") `);
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "FK_6b1d49dc4407c09cf2e6e99a646" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_6b1d49dc4407c09cf2e6e99a646"`);
    await queryRunner.query(`DROP INDEX "public"."session_family_idx"`);
    await queryRunner.query(`DROP INDEX "public"."session_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."session_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_email_key"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_siret_key"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."membership_status"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
