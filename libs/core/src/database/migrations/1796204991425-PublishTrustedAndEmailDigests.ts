import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublishTrustedAndEmailDigests1796204991425 implements MigrationInterface {
  name = 'PublishTrustedAndEmailDigests1796204991425';

  // ModerationAction.PUBLISH_TRUSTED (the log shows who published without review) and the
  // moderators' e-mail digest windows (at most one e-mail per kind and hour).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_digest" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "last_sent_at" TIMESTAMP WITH TIME ZONE, "held" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_2bff3ad375eb50163669f21e989" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(`ALTER TYPE "public"."moderation_action" ADD VALUE 'PUBLISH_TRUSTED'`);
    await queryRunner.query(
      `ALTER TABLE "email_digest" ADD CONSTRAINT "FK_b5ed7e1c4bc9bab03e1a92ad4f9" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_digest" DROP CONSTRAINT "FK_b5ed7e1c4bc9bab03e1a92ad4f9"`);
    // Fails while the append-only log holds PUBLISH_TRUSTED events, rather than losing them.
    await queryRunner.query(
      `CREATE TYPE "public"."moderation_action_old" AS ENUM('APPROVE', 'REQUEST_CHANGES', 'REJECT', 'HIDE', 'RESTORE', 'ARCHIVE', 'AUTO_HIDE', 'DISMISS_REPORTS')`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_event" ALTER COLUMN "action" TYPE "public"."moderation_action_old" USING "action"::"text"::"public"."moderation_action_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."moderation_action"`);
    await queryRunner.query(`ALTER TYPE "public"."moderation_action_old" RENAME TO "moderation_action"`);
    await queryRunner.query(`DROP TABLE "email_digest"`);
  }
}
