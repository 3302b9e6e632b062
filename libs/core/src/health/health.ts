import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/transaction';

/** A dependency the API needs to serve requests. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2000;

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  private readonly checks: ReadinessCheck[] = [];

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource) {
    this.register({
      name: 'database',
      check: async () => {
        await dataSource.query('SELECT 1');
      },
    });
  }

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async readiness(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS);
          return [c.name, { ok: true }] as const;
        } catch (error) {
          return [
            c.name,
            { ok: false, error: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}
