import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, LOGGER, type Logger } from '@resocc/core';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { type SearchDocument, type SearchDocumentType, documentKey } from '../engine/search-engine';
import { SearchEngines } from '../search-engines';
import { SearchDocumentSources } from './document-sources';

const CLAIM_BATCH = 500;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

interface OutboxRow {
  id: string;
  document_type: SearchDocumentType;
  document_id: string;
  attempts: number;
}

export interface DrainResult {
  /** Outbox rows handled (written or scheduled for a retry). */
  claimed: number;
  failed: number;
}

/**
 * Drains the outbox after commit: claims rows with FOR UPDATE SKIP LOCKED (so several
 * indexers never take the same rows), takes a per-document advisory lock (so two indexers
 * never write the same document in the wrong order), rebuilds each document from the
 * database, and writes batches to every engine. Failures are retried with exponential
 * backoff; a write is never blocked or failed by the index.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly engines: SearchEngines,
    private readonly sources: SearchDocumentSources,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** LISTEN on the outbox channel: the trigger notifies at commit, so indexing starts at once. */
  private async listen(): Promise<void> {
    const options = this.dataSource.driver.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'resocc-indexer' });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'search indexer lost its LISTEN connection; polling until it is back');
      this.listener = null;
      setTimeout(() => void this.reconnect(), POLL_MS).unref();
    });
    client.on('notification', () => this.kick());
    try {
      await client.connect();
      await client.query('LISTEN search_outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn({ err: error }, 'search indexer could not LISTEN; polling only');
      await client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), POLL_MS).unref();
    }
  }

  private async reconnect(): Promise<void> {
    if (!this.stopped && !this.listener) await this.listen();
  }

  /** Asks for a drain; coalesces concurrent requests. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.drainOnce()).claimed === CLAIM_BATCH) {
            // a full batch: there may be more
          }
        } catch (error) {
          this.logger.warn({ err: error }, 'search indexer could not drain the outbox; will retry');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.draining = null;
    });
  }

  /**
   * Waits until the outbox has nothing ready (tests and commands). Rows another indexer is
   * writing are waited for; rows waiting for a retry (backoff) are not.
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.drainOnce();
      if (result.claimed > 0) continue;
      const [{ ready }] = await this.dataSource.query(
        `SELECT count(*)::int AS ready FROM search_outbox WHERE available_at <= now()`,
      );
      if (ready === 0) return;
      if (Date.now() > deadline) throw new Error(`search outbox still has ${ready} ready rows`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Handles up to one batch of ready rows. */
  async drainOnce(): Promise<DrainResult> {
    return this.dataSource.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT id, document_type, document_id, attempts FROM search_outbox
         WHERE available_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [CLAIM_BATCH],
      );
      if (rows.length === 0) return { claimed: 0, failed: 0 };
      const byDocument = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const key = documentKey(row.document_type, row.document_id);
        byDocument.set(key, [...(byDocument.get(key) ?? []), row]);
      }
      const owned = await this.lockDocuments(m, [...byDocument.keys()]);
      const mine = rows.filter((r) => owned.has(documentKey(r.document_type, r.document_id)));
      if (mine.length === 0) return { claimed: 0, failed: 0 };
      try {
        await this.write(mine);
        await m.query(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, [mine.map((r) => r.id)]);
        return { claimed: mine.length, failed: 0 };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          { err: error, documents: owned.size },
          'search engine write failed; will retry with backoff',
        );
        await m.query(
          `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2,
             available_at = now() + make_interval(secs => LEAST($3::float8, 0.5 * power(2, attempts)))
           WHERE id = ANY($1::bigint[])`,
          [mine.map((r) => r.id), message.slice(0, 2000), MAX_BACKOFF_MS / 1000],
        );
        return { claimed: mine.length, failed: mine.length };
      }
    });
  }

  /** Transaction-scoped advisory locks: a document being written by another indexer is left for later. */
  private async lockDocuments(m: EntityManager, keys: string[]): Promise<Set<string>> {
    const rows: { key: string; locked: boolean }[] = await m.query(
      `SELECT k AS key, pg_try_advisory_xact_lock(hashtext('search:' || k)) AS locked FROM unnest($1::text[]) AS k`,
      [keys],
    );
    return new Set(rows.filter((r) => r.locked).map((r) => r.key));
  }

  /** Rebuilds the documents from the database and writes them to every engine. */
  private async write(rows: OutboxRow[]): Promise<void> {
    const upserts: SearchDocument[] = [];
    const deletes: string[] = [];
    const byType = new Map<SearchDocumentType, Set<string>>();
    for (const row of rows)
      byType.set(row.document_type, (byType.get(row.document_type) ?? new Set()).add(row.document_id));
    for (const [type, ids] of byType) {
      const documents = await this.sources.get(type).load([...ids]);
      for (const id of ids) {
        const document = documents.get(id);
        if (document) upserts.push(document);
        else deletes.push(documentKey(type, id));
      }
    }
    for (const engine of this.engines.writers) {
      if (upserts.length > 0) await engine.upsert(upserts);
      if (deletes.length > 0) await engine.delete(deletes);
    }
  }

  /** Rows waiting (for tests and readiness). */
  async pending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM search_outbox`);
    return Number(row.n);
  }
}
