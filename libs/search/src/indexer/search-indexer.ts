import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, LOGGER, type Logger, whileLeased } from '@resocc/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type SearchDocument, type SearchDocumentType, documentKey } from '../engine/search-engine';
import { SearchEngines } from '../search-engines';
import { SearchDocumentSources } from './document-sources';

const CLAIM_BATCH = 500;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 60_000;
/** How long a claim owns its rows unless renewed (renewed every third while it works). */
export const LEASE_MS = 20_000;
/** Failures of a document written alone after which it is set aside as a dead letter. */
export const DEAD_LETTER_ATTEMPTS = 8;
/** Claims are serialised by this advisory lock (claiming is one short statement). */
const CLAIM_LOCK = "hashtext('resocc:search_outbox:claim')";

interface OutboxRow {
  id: string;
  document_type: SearchDocumentType;
  document_id: string;
  attempts: number;
}

export interface DrainResult {
  /** Outbox rows handled (written, scheduled for a retry or set aside). */
  claimed: number;
  failed: number;
}

/**
 * Drains the outbox (written by triggers in the transaction of every change) with no
 * transaction held across the network:
 * 1. claim: one short transaction gives a batch of ready rows a lease (claim token and
 *    expiry), skipping documents another claim still holds, and commits;
 * 2. rebuild each document from the database and write it to every engine;
 * 3. delete the rows of the claim (and older unclaimed rows of the same documents, which
 *    the write covered).
 * A process that dies between 1 and 3 leaves rows whose lease expires: they are claimed
 * again. A failed batch is retried document by document, so one document the engine keeps
 * refusing holds back no other; after DEAD_LETTER_ATTEMPTS failures alone it is set aside
 * (dead letter: logged at error, counted by `deadLetters()`, listed by search:verify). When
 * the engine itself does not answer (its stats fail too), nothing counts toward a dead
 * letter: the claim is released and the indexer backs off as a whole.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** While the engine is down: no claim before this time (ms since epoch). */
  private pausedUntil = 0;
  private outageDelayMs = 0;

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
    if (this.stopped || Date.now() < this.pausedUntil) return;
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
      } while (this.again && !this.stopped && Date.now() >= this.pausedUntil);
    })().finally(() => {
      this.draining = null;
    });
  }

  /**
   * Waits until the outbox has nothing ready (tests and commands). Rows another claim holds
   * are waited for; rows waiting for a retry (backoff) and dead letters are not.
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.drainOnce();
      if (result.claimed > 0) continue;
      const [{ ready }] = await this.dataSource.query(
        `SELECT count(*)::int AS ready FROM search_outbox WHERE dead_at IS NULL AND available_at <= now()`,
      );
      if (ready === 0) return;
      if (Date.now() > deadline) throw new Error(`search outbox still has ${ready} ready rows`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Claims, writes and settles up to one batch of ready rows. */
  async drainOnce(): Promise<DrainResult> {
    const token = randomUUID();
    const rows = await this.claim(token);
    if (rows.length === 0) return { claimed: 0, failed: 0 };
    const renew = (): Promise<unknown> =>
      this.dataSource.query(
        `UPDATE search_outbox SET claimed_until = now() + make_interval(secs => $2::float8) WHERE claim_token = $1`,
        [token, LEASE_MS / 1000],
      );
    return whileLeased(renew, LEASE_MS, () => this.handle(token, rows));
  }

  /** Writes the claimed rows' documents and settles each row. */
  private async handle(token: string, rows: OutboxRow[]): Promise<DrainResult> {
    const byDocument = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = documentKey(row.document_type, row.document_id);
      byDocument.set(key, [...(byDocument.get(key) ?? []), row]);
    }
    // Documents that already failed are written alone; the others together.
    const fresh: OutboxRow[][] = [];
    const alone: OutboxRow[][] = [];
    for (const group of byDocument.values()) (group.some((r) => r.attempts > 0) ? alone : fresh).push(group);
    let failed = 0;
    if (fresh.length > 0) {
      const batch = fresh.flat();
      try {
        await this.write(batch);
        await this.settle(token, batch);
      } catch (error) {
        if (!(await this.enginesAnswer())) return this.outage(token, rows, error);
        this.logger.warn(
          { err: error, documents: fresh.length },
          'search engine refused a batch; its documents will be retried one by one',
        );
        await this.retryLater(token, batch, error, false);
        failed += batch.length;
      }
    }
    for (const group of alone) {
      try {
        await this.write(group);
        await this.settle(token, group);
      } catch (error) {
        if (!(await this.enginesAnswer())) return this.outage(token, rows, error);
        await this.retryLater(token, group, error, true);
        failed += group.length;
      }
    }
    this.outageDelayMs = 0;
    return { claimed: rows.length, failed };
  }

  /** Gives up to CLAIM_BATCH ready rows a lease under `token`, in a transaction of its own. */
  private async claim(token: string): Promise<OutboxRow[]> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`);
      // An UPDATE answers [rows, affected] through TypeORM.
      const [claimed]: [OutboxRow[], number] = await m.query(
        `WITH ready AS (
           SELECT o.id FROM search_outbox o
           WHERE o.dead_at IS NULL AND o.available_at <= now()
             AND (o.claimed_until IS NULL OR o.claimed_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM search_outbox held
               WHERE held.document_type = o.document_type AND held.document_id = o.document_id
                 AND held.claimed_until >= now())
           ORDER BY o.id LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE search_outbox s SET claim_token = $2, claimed_until = now() + make_interval(secs => $3::float8)
         FROM ready WHERE s.id = ready.id
         RETURNING s.id, s.document_type, s.document_id, s.attempts`,
        [CLAIM_BATCH, token, LEASE_MS / 1000],
      );
      return claimed.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    });
  }

  /**
   * The documents are in the engines: deletes the claim's rows, and the unclaimed rows of
   * the same documents written before them (the write read the database after they committed).
   */
  private async settle(token: string, rows: readonly OutboxRow[]): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM search_outbox o USING unnest($2::text[], $3::uuid[]) AS d(type, id)
       WHERE o.document_type = d.type AND o.document_id = d.id AND o.id <= $4::bigint
         AND (o.claim_token = $1 OR o.claimed_until IS NULL OR o.claimed_until < now())`,
      [
        token,
        rows.map((r) => r.document_type),
        rows.map((r) => r.document_id),
        rows.reduce((max, r) => (BigInt(r.id) > BigInt(max) ? r.id : max), '0'),
      ],
    );
  }

  /** Schedules a retry with backoff; a document failing alone long enough becomes a dead letter. */
  private async retryLater(token: string, rows: readonly OutboxRow[], error: unknown, alone: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const [updated]: [{ document_type: string; document_id: string; attempts: number; dead: boolean }[], number] =
      await this.dataSource.query(
        `UPDATE search_outbox SET attempts = attempts + 1, last_error = $3, claim_token = NULL, claimed_until = NULL,
           available_at = now() + make_interval(secs => LEAST($4::float8, 0.5 * power(2, attempts))),
           dead_at = CASE WHEN $5::boolean AND attempts + 1 >= $6::int THEN now() END
         WHERE id = ANY($1::bigint[]) AND claim_token = $2
         RETURNING document_type, document_id, attempts, dead_at IS NOT NULL AS dead`,
        [rows.map((r) => r.id), token, message.slice(0, 2000), MAX_BACKOFF_MS / 1000, alone, DEAD_LETTER_ATTEMPTS],
      );
    const dead = updated.filter((r) => r.dead);
    for (const row of dead)
      this.logger.error(
        { documentType: row.document_type, documentId: row.document_id, attempts: row.attempts, err: message },
        'search document set aside as a dead letter: the engine keeps refusing it (listed by search:verify)',
      );
  }

  /** The engine does not answer at all: release the claim, pause the indexer, count nothing. */
  private async outage(token: string, rows: readonly OutboxRow[], error: unknown): Promise<DrainResult> {
    this.outageDelayMs = Math.min(MAX_BACKOFF_MS, Math.max(500, this.outageDelayMs * 2));
    this.pausedUntil = Date.now() + this.outageDelayMs;
    this.logger.warn(
      { err: error, retryInMs: this.outageDelayMs },
      'search engine unavailable; indexing paused, nothing is lost',
    );
    await this.dataSource.query(
      `UPDATE search_outbox SET claim_token = NULL, claimed_until = NULL, last_error = $3,
         available_at = now() + make_interval(secs => $4::float8)
       WHERE id = ANY($1::bigint[]) AND claim_token = $2`,
      [
        rows.map((r) => r.id),
        token,
        (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        this.outageDelayMs / 1000,
      ],
    );
    return { claimed: rows.length, failed: rows.length };
  }

  /** Whether every engine answers a read: tells a refused document from an engine that is down. */
  private async enginesAnswer(): Promise<boolean> {
    try {
      for (const engine of this.engines.writers) await engine.stats();
      return true;
    } catch {
      return false;
    }
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

  /** Rows waiting, dead letters excepted (for tests and readiness). */
  async pending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM search_outbox WHERE dead_at IS NULL`);
    return Number(row.n);
  }
}
