import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1795972511205 implements MigrationInterface {
  name = 'Moderation1795972511205';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."moderation_action" AS ENUM('APPROVE', 'REQUEST_CHANGES', 'REJECT', 'HIDE', 'RESTORE', 'ARCHIVE', 'AUTO_HIDE', 'DISMISS_REPORTS')`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action" "public"."moderation_action" NOT NULL, "target_type" character varying(40) NOT NULL, "target_id" uuid NOT NULL, "actor_id" uuid, "reason" text, "from_status" character varying(40) NOT NULL, "to_status" character varying(40) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58724d91318a54243203d035ac1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_event_created_idx" ON "moderation_event"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_event_target_idx" ON "moderation_event"  ("target_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."report_reason" AS ENUM('SPAM', 'INACCURATE', 'OFFENSIVE', 'CONFIDENTIAL_DATA', 'OFF_TOPIC', 'ILLEGAL', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."report_status" AS ENUM('OPEN', 'UPHELD', 'DISMISSED')`);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "target_type" character varying(40) NOT NULL, "target_id" uuid NOT NULL, "reason" "public"."report_reason" NOT NULL, "comment" text, "reporter_id" uuid, "status" "public"."report_status" NOT NULL DEFAULT 'OPEN', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_status_created_idx" ON "report"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "report_one_open_per_reporter" ON "report"  ("target_id", "reporter_id") WHERE "status" = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "message" text NOT NULL, "target_type" character varying(40), "target_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_user_idx" ON "notification"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "recipient" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "email_outbox_available_idx" ON "email_outbox"  ("available_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "collection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "description" text NOT NULL, "curator_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad3f485bbc99d875491f44d7c85" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "collection_item" ("collection_id" uuid NOT NULL, "position" integer NOT NULL, "target_type" character varying(40) NOT NULL, "target_id" uuid NOT NULL, CONSTRAINT "PK_faf7c2aea3b2a97c8454306b2df" PRIMARY KEY ("collection_id", "position"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_event" ADD CONSTRAINT "FK_89f233073394ff425841d51cc68" FOREIGN KEY ("actor_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "FK_d41df66b60944992386ed47cf2e" FOREIGN KEY ("reporter_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_outbox" ADD CONSTRAINT "FK_ae04df408be63460ebad1284b9e" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collection" ADD CONSTRAINT "FK_f11c6d7063184e654c20c2f0fdd" FOREIGN KEY ("curator_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collection_item" ADD CONSTRAINT "FK_18d78d0cec94e632cd5f758157c" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The moderation log is append-only: the database itself refuses to change or remove it.
    await queryRunner.query(`CREATE FUNCTION refuse_moderation_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_event is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER moderation_event_append_only BEFORE UPDATE OR DELETE ON moderation_event FOR EACH ROW EXECUTE FUNCTION refuse_moderation_event_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER moderation_event_no_truncate BEFORE TRUNCATE ON moderation_event FOR EACH STATEMENT EXECUTE FUNCTION refuse_moderation_event_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER moderation_event_no_truncate ON moderation_event`);
    await queryRunner.query(`DROP TRIGGER moderation_event_append_only ON moderation_event`);
    await queryRunner.query(`DROP FUNCTION refuse_moderation_event_change()`);
    await queryRunner.query(`ALTER TABLE "collection_item" DROP CONSTRAINT "FK_18d78d0cec94e632cd5f758157c"`);
    await queryRunner.query(`ALTER TABLE "collection" DROP CONSTRAINT "FK_f11c6d7063184e654c20c2f0fdd"`);
    await queryRunner.query(`ALTER TABLE "email_outbox" DROP CONSTRAINT "FK_ae04df408be63460ebad1284b9e"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "FK_d41df66b60944992386ed47cf2e"`);
    await queryRunner.query(
      `ALTER TABLE "moderation_event" DROP CONSTRAINT "FK_89f233073394ff425841d51cc68"`,
    );
    await queryRunner.query(`DROP TABLE "collection_item"`);
    await queryRunner.query(`DROP TABLE "collection"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_available_idx"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."report_one_open_per_reporter"`);
    await queryRunner.query(`DROP INDEX "public"."report_status_created_idx"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP TYPE "public"."report_status"`);
    await queryRunner.query(`DROP TYPE "public"."report_reason"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_event_target_idx"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_event_created_idx"`);
    await queryRunner.query(`DROP TABLE "moderation_event"`);
    await queryRunner.query(`DROP TYPE "public"."moderation_action"`);
  }
}
