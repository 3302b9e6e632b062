import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Content1795971399546 implements MigrationInterface {
  name = 'Content1795971399546';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."clause_kind" AS ENUM('TECHNICAL_SPECIFICATION', 'SELECTION_CRITERION', 'AWARD_CRITERION', 'PERFORMANCE_CONDITION', 'RESERVED_CONTRACT')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."consideration" AS ENUM('SOCIAL', 'ENVIRONMENTAL')`);
    await queryRunner.query(`CREATE TYPE "public"."visibility" AS ENUM('PUBLIC', 'MEMBERS')`);
    await queryRunner.query(
      `CREATE TYPE "public"."content_status" AS ENUM('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'ARCHIVED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "clause_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" character varying(1000) NOT NULL, "kind" "public"."clause_kind" NOT NULL, "considerations" "public"."consideration" array NOT NULL DEFAULT '{}', "themes" character varying(64) array NOT NULL DEFAULT '{}', "legal_references" character varying(200) array NOT NULL DEFAULT '{}', "body" text NOT NULL, "variables" jsonb NOT NULL, "revision" integer NOT NULL DEFAULT '1', "visibility" "public"."visibility" NOT NULL, "status" "public"."content_status" NOT NULL DEFAULT 'DRAFT', "author_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e139aa8c8377d69c40be04fb7af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "clause_template_author_idx" ON "clause_template"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "clause_template_organisation_idx" ON "clause_template"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "clause_template_feed_idx" ON "clause_template"  ("status", "published_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "clause_template_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "revision" integer NOT NULL, "body" text NOT NULL, "variables" jsonb NOT NULL, "change_note" text, "author_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a461a048fea5800a5dec394bf1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "clause_template_revision_key" ON "clause_template_revision"  ("template_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."procedure_type" AS ENUM('PROCEDURE_ADAPTEE', 'APPEL_OFFRES_OUVERT', 'APPEL_OFFRES_RESTREINT', 'PROCEDURE_AVEC_NEGOCIATION', 'DIALOGUE_COMPETITIF', 'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "experience_post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" character varying(1000) NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "themes" character varying(64) array NOT NULL DEFAULT '{}', "considerations" "public"."consideration" array NOT NULL DEFAULT '{}', "procedure_type" "public"."procedure_type", "cpv_codes" character(8) array NOT NULL DEFAULT '{}', "contract_year" integer, "department_code" character varying(3), "outcomes" text, "visibility" "public"."visibility" NOT NULL, "status" "public"."content_status" NOT NULL DEFAULT 'DRAFT', "author_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7815f57a60a8dbe03a67ac1d5af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "experience_post_author_idx" ON "experience_post"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "experience_post_organisation_idx" ON "experience_post"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "experience_post_feed_idx" ON "experience_post"  ("status", "published_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "experience_post_template" ("post_id" uuid NOT NULL, "template_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_ad1df96601d394a20181373420e" PRIMARY KEY ("post_id", "template_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "experience_post_template_template_idx" ON "experience_post_template"  ("template_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "search_outbox" ("id" BIGSERIAL NOT NULL, "document_type" character varying(40) NOT NULL, "document_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_f0e10017d6287176243c2926453" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_outbox_available_idx" ON "search_outbox"  ("available_at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."user_account_organisation_idx"`);
    await queryRunner.query(
      `ALTER TABLE "user_account" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "user_account_organisation_idx" ON "user_account"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_template" ADD CONSTRAINT "FK_5cb30ccee2283ffaa157c2ed1ab" FOREIGN KEY ("author_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_template" ADD CONSTRAINT "FK_71388c1406462fd4b3f54f39b91" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_template_revision" ADD CONSTRAINT "FK_a2cae1dbbc86d6f830d9be6f9fd" FOREIGN KEY ("template_id") REFERENCES "clause_template"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_template_revision" ADD CONSTRAINT "FK_81d8fd6f74506cd91007f5c94ee" FOREIGN KEY ("author_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "experience_post" ADD CONSTRAINT "FK_cf4d09113a02f90f6cc815ee47a" FOREIGN KEY ("author_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "experience_post" ADD CONSTRAINT "FK_505500999ae71f60d53b7675ab8" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "experience_post_template" ADD CONSTRAINT "FK_e074f1c7aeaa2eb208c001b9f7c" FOREIGN KEY ("post_id") REFERENCES "experience_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "experience_post_template" ADD CONSTRAINT "FK_806e968989987b680900126c142" FOREIGN KEY ("template_id") REFERENCES "clause_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Revisions are history: the database itself refuses to rewrite them.
    await queryRunner.query(`CREATE FUNCTION refuse_revision_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'clause_template_revision rows are immutable' USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER clause_template_revision_immutable BEFORE UPDATE ON clause_template_revision FOR EACH ROW EXECUTE FUNCTION refuse_revision_update()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER clause_template_revision_immutable ON clause_template_revision`);
    await queryRunner.query(`DROP FUNCTION refuse_revision_update()`);
    await queryRunner.query(
      `ALTER TABLE "experience_post_template" DROP CONSTRAINT "FK_806e968989987b680900126c142"`,
    );
    await queryRunner.query(
      `ALTER TABLE "experience_post_template" DROP CONSTRAINT "FK_e074f1c7aeaa2eb208c001b9f7c"`,
    );
    await queryRunner.query(`ALTER TABLE "experience_post" DROP CONSTRAINT "FK_505500999ae71f60d53b7675ab8"`);
    await queryRunner.query(`ALTER TABLE "experience_post" DROP CONSTRAINT "FK_cf4d09113a02f90f6cc815ee47a"`);
    await queryRunner.query(
      `ALTER TABLE "clause_template_revision" DROP CONSTRAINT "FK_81d8fd6f74506cd91007f5c94ee"`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_template_revision" DROP CONSTRAINT "FK_a2cae1dbbc86d6f830d9be6f9fd"`,
    );
    await queryRunner.query(`ALTER TABLE "clause_template" DROP CONSTRAINT "FK_71388c1406462fd4b3f54f39b91"`);
    await queryRunner.query(`ALTER TABLE "clause_template" DROP CONSTRAINT "FK_5cb30ccee2283ffaa157c2ed1ab"`);
    await queryRunner.query(`DROP INDEX "public"."user_account_organisation_idx"`);
    await queryRunner.query(
      `ALTER TABLE "user_account" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "user_account_organisation_idx" ON "user_account" USING btree ("created_at", "id", "organisation_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."search_outbox_available_idx"`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."experience_post_template_template_idx"`);
    await queryRunner.query(`DROP TABLE "experience_post_template"`);
    await queryRunner.query(`DROP INDEX "public"."experience_post_feed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."experience_post_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."experience_post_author_idx"`);
    await queryRunner.query(`DROP TABLE "experience_post"`);
    await queryRunner.query(`DROP TYPE "public"."procedure_type"`);
    await queryRunner.query(`DROP INDEX "public"."clause_template_revision_key"`);
    await queryRunner.query(`DROP TABLE "clause_template_revision"`);
    await queryRunner.query(`DROP INDEX "public"."clause_template_feed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clause_template_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clause_template_author_idx"`);
    await queryRunner.query(`DROP TABLE "clause_template"`);
    await queryRunner.query(`DROP TYPE "public"."content_status"`);
    await queryRunner.query(`DROP TYPE "public"."visibility"`);
    await queryRunner.query(`DROP TYPE "public"."consideration"`);
    await queryRunner.query(`DROP TYPE "public"."clause_kind"`);
  }
}
