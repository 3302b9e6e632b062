import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The indexed tables and their document types. */
const CONTENT_TABLES = [
  ['experience_post', 'EXPERIENCE_POST'],
  ['clause_template', 'CLAUSE_TEMPLATE'],
] as const;

export class SearchOutboxByTriggers1796222525207 implements MigrationInterface {
  name = 'SearchOutboxByTriggers1796222525207';

  // The search outbox is written by triggers, in the transaction of the change, whatever
  // wrote it (a service, a seed, a migration, plain SQL): a row for every published
  // document that changed, appeared or went (its status before or after is PUBLISHED), and
  // for the published documents that show a theme's label or an organisation's name when
  // those change. Statement-level triggers with transition tables: one INSERT ... SELECT
  // per statement, so a bulk load stays a bulk load. Both outboxes gain leases (claim,
  // commit, then call the engine or the SMTP server) and dead letters.
  async up(queryRunner: QueryRunner): Promise<void> {
    await this.outboxColumns(queryRunner);
    await queryRunner.query(`CREATE FUNCTION search_outbox_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO search_outbox (document_type, document_id)
            SELECT TG_ARGV[0], n.id FROM new_rows n WHERE n.status = 'PUBLISHED';
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO search_outbox (document_type, document_id)
            SELECT TG_ARGV[0], n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status = 'PUBLISHED' OR o.status = 'PUBLISHED') AND n IS DISTINCT FROM o;
        ELSE
          INSERT INTO search_outbox (document_type, document_id)
            SELECT TG_ARGV[0], o.id FROM old_rows o WHERE o.status = 'PUBLISHED';
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, type] of CONTENT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_content_changed('${type}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_content_changed('${type}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_content_changed('${type}')`,
      );
    }
    // A theme's label (or slug) shown by the published documents that carry it.
    await queryRunner.query(`CREATE FUNCTION search_outbox_theme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        slugs varchar[] := CASE TG_OP WHEN 'DELETE' THEN ARRAY[OLD.slug] ELSE ARRAY[OLD.slug, NEW.slug] END;
      BEGIN
        INSERT INTO search_outbox (document_type, document_id)
          SELECT 'EXPERIENCE_POST', p.id FROM experience_post p WHERE p.status = 'PUBLISHED' AND p.themes && slugs
          UNION ALL
          SELECT 'CLAUSE_TEMPLATE', t.id FROM clause_template t WHERE t.status = 'PUBLISHED' AND t.themes && slugs;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER theme_search_update AFTER UPDATE ON theme FOR EACH ROW WHEN (OLD.label IS DISTINCT FROM NEW.label OR OLD.slug IS DISTINCT FROM NEW.slug) EXECUTE FUNCTION search_outbox_theme_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER theme_search_delete AFTER DELETE ON theme FOR EACH ROW EXECUTE FUNCTION search_outbox_theme_changed()`,
    );
    // An organisation's name, SIRET, kind and département shown by its published documents.
    await queryRunner.query(`CREATE FUNCTION search_outbox_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_outbox (document_type, document_id)
          SELECT 'EXPERIENCE_POST', p.id FROM experience_post p WHERE p.status = 'PUBLISHED' AND p.organisation_id = NEW.id
          UNION ALL
          SELECT 'CLAUSE_TEMPLATE', t.id FROM clause_template t WHERE t.status = 'PUBLISHED' AND t.organisation_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.siret IS DISTINCT FROM NEW.siret OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.department_code IS DISTINCT FROM NEW.department_code) EXECUTE FUNCTION search_outbox_organisation_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER organisation_search_update ON organisation`);
    await queryRunner.query(`DROP FUNCTION search_outbox_organisation_changed()`);
    await queryRunner.query(`DROP TRIGGER theme_search_delete ON theme`);
    await queryRunner.query(`DROP TRIGGER theme_search_update ON theme`);
    await queryRunner.query(`DROP FUNCTION search_outbox_theme_changed()`);
    for (const [table] of CONTENT_TABLES)
      for (const event of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER ${table}_search_${event} ON ${table}`);
    await queryRunner.query(`DROP FUNCTION search_outbox_content_changed()`);
    await this.dropOutboxColumns(queryRunner);
  }

  private async outboxColumns(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."email_outbox_available_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_outbox_available_idx"`);
    await queryRunner.query(`ALTER TABLE "email_outbox" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "email_outbox" ADD "claim_token" uuid`);
    await queryRunner.query(`ALTER TABLE "email_outbox" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "search_outbox" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "search_outbox" ADD "claim_token" uuid`);
    await queryRunner.query(`ALTER TABLE "search_outbox" ADD "dead_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "email_outbox_ready_idx" ON "email_outbox"  ("available_at", "id") WHERE "failed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_outbox_document_idx" ON "search_outbox"  ("document_type", "document_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "search_outbox_ready_idx" ON "search_outbox"  ("available_at", "id") WHERE "dead_at" IS NULL`,
    );
  }

  private async dropOutboxColumns(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."search_outbox_ready_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_outbox_document_idx"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_ready_idx"`);
    await queryRunner.query(`ALTER TABLE "search_outbox" DROP COLUMN "dead_at"`);
    await queryRunner.query(`ALTER TABLE "search_outbox" DROP COLUMN "claim_token"`);
    await queryRunner.query(`ALTER TABLE "search_outbox" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "email_outbox" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "email_outbox" DROP COLUMN "claim_token"`);
    await queryRunner.query(`ALTER TABLE "email_outbox" DROP COLUMN "claimed_until"`);
    await queryRunner.query(
      `CREATE INDEX "search_outbox_available_idx" ON "search_outbox" USING btree ("available_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "email_outbox_available_idx" ON "email_outbox" USING btree ("available_at", "id") `,
    );
  }
}
