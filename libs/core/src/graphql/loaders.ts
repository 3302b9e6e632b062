import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders: one instance per name and request, so batching and caching
 * never cross viewers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly memos = new Map<string, Map<unknown, unknown>>();

  get<K, V>(
    name: string,
    batch: DataLoader.BatchLoadFn<K, V>,
    options?: DataLoader.Options<K, V, string>,
  ): DataLoader<K, V, string> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, {
        maxBatchSize: 500,
        ...options,
      }) as unknown as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V, string>;
  }

  /**
   * A per-request map of values already known (read ahead with another statement), so a
   * resolver can answer synchronously instead of through a loader's promise.
   */
  memo<K, V>(name: string): Map<K, V> {
    let memo = this.memos.get(name);
    if (!memo) {
      memo = new Map<K, V>() as Map<unknown, unknown>;
      this.memos.set(name, memo);
    }
    return memo as Map<K, V>;
  }

  /** Drops cached values after a write in this request. */
  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
    for (const memo of this.memos.values()) memo.clear();
  }
}

/** Orders batch results like the keys, with `null` where a key has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}
