import { writeFileSync } from 'node:fs';
import { SearchDocumentSources, SearchEngines, type SearchDocument } from '@resocc/search';
import { createCorpusDatabase } from './lib/corpus';
import { startInProcessApp } from './lib/in-process';
async function main(): Promise<void> {
  const corpus = await createCorpusDatabase({ posts: 100000, templates: 10000 });
  const app = await startInProcessApp(corpus.url, corpus.dir);
  const docs: SearchDocument[] = [];
  for (const s of app.app.get(SearchDocumentSources).all()) for await (const b of s.published(1000)) docs.push(...b);
  async function* it(): AsyncIterable<SearchDocument[]> { for (let i = 0; i < docs.length; i += 1000) yield docs.slice(i, i + 1000); }
  await app.app.get(SearchEngines).postgres.rebuild(it());
  await app.close();
  writeFileSync('/tmp/corpus-url', corpus.url);
  console.log('READY', corpus.url, corpus.dir);
  await new Promise(() => undefined);
}
void main();
