import type { DataSource } from 'typeorm';
import type { SearchDocument } from '../search-engine';
import { insertSql, rows } from './rows';
import { BATCH, TABLE, chunks } from './sql';
import { addVocabulary, vocabularyOf } from './vocabulary';

const NEXT = 'search_document_next';
const OLD = 'search_document_old';

/**
 * Replaces the whole index with `batches`: loaded into a new table without indexes by
 * `writers` statements side by side, indexed, analysed, then swapped in under a lock in one
 * transaction, so searches never see an empty or partial index; the vocabulary keeps the
 * words of the new documents only. Writes committed meanwhile went to the old table: the
 * caller repairs afterwards.
 */
export async function rebuildIndex(
  dataSource: DataSource,
  batches: AsyncIterable<readonly SearchDocument[]>,
  writers: number,
): Promise<number> {
  const [{ reloptions }] = (await dataSource.query(
    `SELECT array_to_string(reloptions, ', ') AS reloptions FROM pg_class WHERE oid = $1::regclass`,
    [TABLE],
  )) as { reloptions: string | null }[];
  await dataSource.query(`DROP TABLE IF EXISTS ${NEXT}`);
  await dataSource.query(
    `CREATE TABLE ${NEXT} (LIKE ${TABLE} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE
       INCLUDING COMPRESSION INCLUDING CONSTRAINTS)${reloptions ? ` WITH (${reloptions})` : ''}`,
  );
  const vocabulary = new Set<string>();
  const seen = new Set<string>();
  const running = new Set<Promise<void>>();
  let failure: unknown;
  let documents = 0;
  for await (const batch of batches) {
    const fresh = batch.filter((d) => !seen.has(d.key));
    for (const d of fresh) seen.add(d.key);
    vocabularyOf(fresh, vocabulary);
    documents += fresh.length;
    for (const part of chunks(fresh, BATCH)) {
      while (running.size >= writers) await Promise.race(running);
      if (failure) throw failure;
      const write: Promise<void> = dataSource
        .query(insertSql(NEXT), [rows(part)])
        .then(
          () => undefined,
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => running.delete(write));
      running.add(write);
    }
  }
  await Promise.all(running);
  if (failure) throw failure;

  const indexes = (await dataSource.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS "primary"
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass`,
    [TABLE],
  )) as { name: string; definition: string; primary: boolean }[];
  const build = indexes.map((index) => async () => {
    const definition = index.definition.replace(
      /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:\S+\.)?)search_document /,
      `$1$2_next$3${NEXT} `,
    );
    if (definition === index.definition) throw new Error(`unexpected index definition: ${definition}`);
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL maintenance_work_mem = '128MB'`);
      // Index builds over the whole corpus may outlast the API's statement_timeout.
      await manager.query(`SET LOCAL statement_timeout = 0`);
      await manager.query(definition);
      if (index.primary)
        await manager.query(
          `ALTER TABLE ${NEXT} ADD CONSTRAINT ${index.name}_next PRIMARY KEY USING INDEX ${index.name}_next`,
        );
    });
  });
  const queue = [...build];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let step = queue.shift(); step; step = queue.shift()) await step();
    }),
  );
  await dataSource.transaction(async (m) => {
    await m.query(`SET LOCAL statement_timeout = 0`);
    await m.query(`ANALYZE ${NEXT}`);
  });
  await addVocabulary(dataSource, vocabulary);

  await dataSource.transaction(async (manager) => {
    await manager.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
    await manager.query(`ALTER TABLE ${TABLE} RENAME TO ${OLD}`);
    await manager.query(`ALTER TABLE ${NEXT} RENAME TO ${TABLE}`);
    for (const index of indexes) {
      await manager.query(`ALTER INDEX ${index.name} RENAME TO ${index.name}_old`);
      await manager.query(`ALTER INDEX ${index.name}_next RENAME TO ${index.name}`);
    }
    await manager.query(`DROP TABLE ${OLD}`);
    // Words only the replaced documents had leave the vocabulary (the repair that follows
    // brings back those of documents written meanwhile).
    await manager.query(
      `DELETE FROM search_vocabulary v WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS w(word) WHERE w.word = v.word)`,
      [[...vocabulary]],
    );
  });
  return documents;
}
