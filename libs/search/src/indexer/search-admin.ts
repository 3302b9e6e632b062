import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { DataSource } from 'typeorm';
import type { SearchDocument, SearchEngine } from '../engine/search-engine';
import { SearchEngines } from '../search-engines';
import { SearchDocumentSources } from './document-sources';

const BATCH = 1000;

export interface VerifyReport {
  engine: string;
  /** Published in the database, absent from the index. */
  missing: string[];
  /** In the index with another updatedAt than the database. */
  stale: string[];
  /** In the index but not published in the database. */
  extra: string[];
}

/** A document the indexer set aside after failing alone too often (search:verify lists them). */
export interface DeadLetter {
  key: string;
  attempts: number;
  lastError: string | null;
  deadAt: Date;
}

/** search:reindex and search:verify. */
@Injectable()
export class SearchAdmin {
  constructor(
    private readonly engines: SearchEngines,
    private readonly sources: SearchDocumentSources,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** The dead letters, oldest first (one per document). */
  async deadLetters(): Promise<DeadLetter[]> {
    const rows: { key: string; attempts: number; last_error: string | null; dead_at: Date }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (document_type, document_id) document_type || ':' || document_id AS key,
           attempts, last_error, dead_at
         FROM search_outbox WHERE dead_at IS NOT NULL
         ORDER BY document_type, document_id, dead_at DESC`,
      );
    return rows
      .map((r) => ({ key: r.key, attempts: r.attempts, lastError: r.last_error, deadAt: r.dead_at }))
      .sort((a, b) => a.deadAt.getTime() - b.deadAt.getTime());
  }

  private async *published(): AsyncIterable<SearchDocument[]> {
    for (const source of this.sources.all()) yield* source.published(BATCH);
  }

  /**
   * Rebuilds every engine from the database, each into a new index swapped in atomically
   * (PostgreSQL: a new table; Meilisearch: a new index), so search never goes empty.
   * Changes committed while an index was being filled went to the old one: each engine is
   * repaired right after its swap. Outbox rows older than the rebuild are then removed,
   * dead letters included (the rebuild wrote their documents or failed).
   */
  async reindex(): Promise<{ documents: number }> {
    // Outbox rows committed before the rebuild reads are covered by it (dead letters too).
    const [{ last }] = await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS last FROM search_outbox`);
    const documents = await this.engines.postgres.rebuild(this.published());
    await this.repair(this.engines.postgres);
    if (this.engines.meilisearch) {
      await this.engines.meilisearch.reindexInto(this.published());
      await this.repair(this.engines.meilisearch);
    }
    await this.dataSource.query(
      `DELETE FROM search_outbox WHERE id <= $1::bigint AND (claimed_until IS NULL OR claimed_until < now())`,
      [last],
    );
    return { documents };
  }

  /** Brings one engine in line with the database: writes what is missing or stale, removes the rest. */
  async repair(engine: SearchEngine): Promise<VerifyReport> {
    const report = await this.compare(engine, await this.expected());
    const toWrite = [...report.missing, ...report.stale];
    for (const source of this.sources.all()) {
      const ids = toWrite
        .filter((k) => k.startsWith(`${source.type}:`))
        .map((k) => k.slice(source.type.length + 1));
      for (let i = 0; i < ids.length; i += BATCH) {
        const documents = await source.load(ids.slice(i, i + BATCH));
        await engine.upsert([...documents.values()]);
      }
    }
    await engine.delete(report.extra);
    return report;
  }

  async verify(): Promise<VerifyReport[]> {
    const expected = await this.expected();
    const reports: VerifyReport[] = [];
    for (const engine of this.engines.writers) reports.push(await this.compare(engine, expected));
    return reports;
  }

  /** key -> updatedAt of every document the index must hold. */
  private async expected(): Promise<Map<string, string>> {
    const expected = new Map<string, string>();
    for (const source of this.sources.all())
      for (const version of await source.versions()) expected.set(version.key, version.updatedAt);
    return expected;
  }

  private async compare(engine: SearchEngine, expected: Map<string, string>): Promise<VerifyReport> {
    const indexed = new Map((await engine.listKeys()).map((k) => [k.key, k.updatedAt]));
    const report: VerifyReport = { engine: engine.name, missing: [], stale: [], extra: [] };
    for (const [key, updatedAt] of expected) {
      const found = indexed.get(key);
      if (found === undefined) report.missing.push(key);
      else if (new Date(found).getTime() !== new Date(updatedAt).getTime()) report.stale.push(key);
    }
    for (const key of indexed.keys()) if (!expected.has(key)) report.extra.push(key);
    return report;
  }
}
