import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/transaction';
import { LOGGER, type Logger } from '../logging/logger';

/** A dependency the API needs to serve requests. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Up or down per dependency, and nothing more: the reasons go to the logs. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean }>;
}

/** What /health/ready tells anyone who asks. */
export interface PublicReadiness {
  status: 'ready' | 'not ready';
  checks: Record<string, 'up' | 'down'>;
}

export function publicReadiness(report: ReadinessReport): PublicReadiness {
  return {
    status: report.ready ? 'ready' : 'not ready',
    checks: Object.fromEntries(
      Object.entries(report.checks).map(([name, check]) => [name, check.ok ? 'up' : 'down']),
    ),
  };
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
  /** The last failure of each check, so that a lasting outage is logged once, not on every probe. */
  private readonly lastFailure = new Map<string, string>();

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
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
          if (this.lastFailure.delete(c.name))
            this.logger.info({ check: c.name }, 'readiness check up again');
          return [c.name, { ok: true }] as const;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const log = this.lastFailure.get(c.name) === reason ? 'debug' : 'warn';
          this.lastFailure.set(c.name, reason);
          this.logger[log]({ check: c.name, err: error }, 'readiness check failed');
          return [c.name, { ok: false }] as const;
        }
      }),
    );
    return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}
