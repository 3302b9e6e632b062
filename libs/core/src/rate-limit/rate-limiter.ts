import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/transaction';
import { RateLimitedError } from '../errors/domain-errors';

/** At most `limit` hits per `windowSeconds` for one subject (an IP, an e-mail, a user). */
export interface RateLimitRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

interface CounterRow {
  hits: number;
  retry_after: string;
}

/**
 * Fixed-window counters in PostgreSQL, so that every API process enforces one limit.
 * Subjects are hashed: no e-mail address or IP is stored in clear.
 */
@Injectable()
export class RateLimiter {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private key(rule: RateLimitRule, subject: string): string {
    return `${rule.name}:${createHash('sha256').update(subject.toLowerCase()).digest('base64url')}`;
  }

  private window(rule: RateLimitRule): string {
    return `to_timestamp(floor(extract(epoch from now()) / ${Math.floor(rule.windowSeconds)}) * ${Math.floor(rule.windowSeconds)})`;
  }

  private retryAfter(rule: RateLimitRule): string {
    return `ceil(extract(epoch from (${this.window(rule)} + interval '${Math.floor(rule.windowSeconds)} seconds' - now())))`;
  }

  /** Counts one hit and throws RATE_LIMITED once the limit is passed. */
  async consume(rule: RateLimitRule, subject: string): Promise<void> {
    const rows: CounterRow[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counter (key, window_start, hits) VALUES ($1, ${this.window(rule)}, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1
       RETURNING hits, ${this.retryAfter(rule)} AS retry_after`,
      [this.key(rule, subject)],
    );
    if (Math.random() < 0.01) {
      await this.dataSource.query(
        `DELETE FROM rate_limit_counter WHERE window_start < now() - interval '2 days'`,
      );
    }
    if (rows[0].hits > rule.limit) throw new RateLimitedError(Number(rows[0].retry_after));
  }

  /** Gives one hit back (an attempt that turned out not to count, such as a successful sign-in). */
  async release(rule: RateLimitRule, subject: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE rate_limit_counter SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND window_start = ${this.window(rule)}`,
      [this.key(rule, subject)],
    );
  }

  /** Forgets the subject's hits (e.g. failed sign-ins after a successful one). */
  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE key = $1`, [this.key(rule, subject)]);
  }
}
