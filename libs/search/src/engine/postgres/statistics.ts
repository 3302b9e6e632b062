import type { DataSource } from 'typeorm';
import type { PlannedTerm } from './planner';
import { TABLE } from './sql';

const REFRESH_MS = 60_000;

/**
 * What the planner and ranking know of the index, from PostgreSQL's own statistics
 * (refreshed every minute): its rows, and how common each stem is.
 */
export class IndexStatistics {
  private rowCount?: { rows: number; at: number };
  private stems?: { frequency: Map<string, number>; rare: number; at: number };

  constructor(private readonly dataSource: DataSource) {}

  /** Rows in the index, as the planner knows them. */
  async rows(): Promise<number> {
    if (!this.rowCount || this.rowCount.at < Date.now() - REFRESH_MS) {
      const [row] = (await this.dataSource.query(
        `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = $1::regclass`,
        [TABLE],
      )) as { n: number }[];
      this.rowCount = { rows: Number(row.n), at: Date.now() };
    }
    return this.rowCount.rows;
  }

  /**
   * Informativeness of each term in [0, 1): 1 - frequency ^ (1/4), the frequency of its most
   * common stem in pg_stats (a stem missing from the statistics is rarer than all of them;
   * before the first ANALYZE every term counts the same).
   */
  async informativeness(planned: readonly PlannedTerm[]): Promise<number[]> {
    if (!this.stems || this.stems.at < Date.now() - REFRESH_MS) {
      const found = (await this.dataSource.query(
        `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
         FROM pg_stats WHERE tablename = $1 AND attname = 'tsv' LIMIT 1`,
        [TABLE],
      )) as { elems: string[] | null; freqs: number[] | null }[];
      const elems = found[0]?.elems ?? [];
      const freqs = found[0]?.freqs ?? [];
      // After the elements' frequencies: the smallest, the largest, and the null fraction.
      const smallest = freqs.length > elems.length ? freqs[elems.length] : 0.01;
      this.stems = {
        frequency: new Map(elems.map((e, i) => [e, freqs[i]])),
        rare: smallest / 2,
        at: Date.now(),
      };
    }
    const stems = this.stems;
    return planned.map((t) => {
      const frequency = Math.max(...t.lexemes.map((l) => stems.frequency.get(l) ?? stems.rare), stems.rare);
      return Math.min(0.999, Math.max(0, 1 - frequency ** 0.25));
    });
  }
}
