import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and the benchmark can prove that a
 * list's statement count does not grow with its page size.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  private static statements = 0;

  static get count(): number {
    return SqlStatementCounter.statements;
  }

  /** Runs `work` and returns how many statements it sent (with its result). */
  static async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = SqlStatementCounter.statements;
    const result = await work();
    return { result, statements: SqlStatementCounter.statements - before };
  }

  logQuery(): void {
    SqlStatementCounter.statements++;
  }

  logQueryError(): void {
    // errors surface through the caller
  }

  logQuerySlow(): void {
    // slow queries are measured by the benchmark, not logged here
  }

  logSchemaBuild(): void {
    // not used: migrations only
  }

  logMigration(): void {
    // migrations report through runMigrations()
  }

  log(): void {
    // TypeORM's own chatter is not ours to log
  }
}
