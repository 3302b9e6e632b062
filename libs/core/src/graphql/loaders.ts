import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders: one instance per name and request, so batching and caching
 * never cross viewers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

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

  /** Drops cached values after a write in this request. */
  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }
}

/** Orders batch results like the keys, with `null` where a key has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}
