// bench/results/<YYYY-MM-DD>-<host>[-name][-quick].json and the Markdown table next to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './common';

/** The required numeric keys (issue 8), as paths in the nested JSON: `search.p50_ms` is `{ search: { p50_ms } }`. */
export const REQUIRED_KEYS = [
  'search.p50_ms',
  'search.p95_ms',
  'search.p99_ms',
  'search.bulk_docs_per_s',
  'search.publish_to_searchable_p95_ms',
  'search.api_p95_ms',
  'feed.api_rps',
  'feed.baseline_rps',
  'feed.ratio',
  'feed.sql_per_request_5',
  'feed.sql_per_request_20',
  'feed.sql_per_request_100',
  'memory.api_peak_rss_mb',
  'startup.cold_s',
  'startup.warm_s',
  'machine.cores',
  'machine.memory_mb',
  'corpus.documents',
  'web.home.render_p95_ms',
  'web.search.render_p95_ms',
  'web.report.render_p95_ms',
  'web.home.js_kb',
  'web.home.total_kb',
] as const;

interface Target {
  text: string;
  met: (value: number) => boolean;
}

const atMost = (limit: number, unit = ''): Target => ({ text: `≤ ${limit}${unit}`, met: (v) => v <= limit });
const atLeast = (limit: number, unit = ''): Target => ({ text: `≥ ${limit}${unit}`, met: (v) => v >= limit });

/** Targets of issues 5 and 8 (for 100,000 posts + 10,000 templates on a 2-core machine). */
export const TARGETS: Record<string, Target> = {
  'search.p95_ms': atMost(40, ' ms'),
  'search.bulk_docs_per_s': atLeast(5000, ' docs/s'),
  'search.publish_to_searchable_p95_ms': atMost(1000, ' ms'),
  // Issue 14: completions for search-as-you-type, and old best documents ranked first.
  'search.completions_p95_ms': atMost(20, ' ms'),
  'search.planted_in_top3': atLeast(5),
  'feed.ratio': atLeast(0.5),
  'feed.sql_per_request_5': atMost(5),
  'feed.sql_per_request_20': atMost(5),
  'feed.sql_per_request_100': atMost(5),
  'memory.api_peak_rss_mb': atMost(300, ' MB'),
  'startup.cold_s': atMost(20, ' s'),
  'startup.warm_s': atMost(5, ' s'),
  // issue 16: the web front end
  'web.home.render_p95_ms': atMost(150, ' ms'),
  'web.search.render_p95_ms': atMost(150, ' ms'),
  'web.report.render_p95_ms': atMost(150, ' ms'),
  'web.home.js_kb': atMost(120, ' KB'),
  'web.search.js_kb': atMost(120, ' KB'),
  'web.report.js_kb': atMost(120, ' KB'),
  'web.home.total_kb': atMost(500, ' KB'),
  'web.search.total_kb': atMost(500, ' KB'),
  'web.report.total_kb': atMost(500, ' KB'),
};

export function valueAt(tree: unknown, path: string): unknown {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function missingKeys(tree: unknown, keys: readonly string[] = REQUIRED_KEYS): string[] {
  return keys.filter((key) => {
    const value = valueAt(tree, key);
    return typeof value !== 'number' || !Number.isFinite(value);
  });
}

/** bench/results/<YYYY-MM-DD>-<host>[-name][-quick] (without extension). */
export function resultBase(quick: boolean, name?: string): string {
  const date = new Date().toISOString().slice(0, 10);
  const host = hostname().replace(/[^A-Za-z0-9._-]+/g, '-');
  return join(ROOT, 'bench', 'results', `${date}-${host}${name ? `-${name}` : ''}${quick ? '-quick' : ''}`);
}

function numericLeaves(tree: unknown, prefix: string, out: [string, number][]): void {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return;
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') out.push([path, value]);
    else numericLeaves(value, path, out);
  }
}

export interface MarkdownHeader {
  title: string;
  lines: string[];
}

/** One row per numeric key of `sections`, with the target and, for full runs, whether it is met. */
export function markdownTable(
  tree: Record<string, unknown>,
  sections: readonly string[],
  quick: boolean,
  header: MarkdownHeader,
): string {
  const rows: [string, number][] = [];
  for (const section of sections) numericLeaves(tree[section], section, rows);
  const lines = [
    `# ${header.title}`,
    '',
    ...header.lines,
    '',
    quick
      ? '| key | value | target (full run) |\n| --- | ---: | --- |'
      : '| key | value | target | met |\n| --- | ---: | --- | :---: |',
  ];
  for (const [key, value] of rows) {
    const target = TARGETS[key];
    const shown = Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
    if (quick) lines.push(`| \`${key}\` | ${shown} | ${target?.text ?? ''} |`);
    else
      lines.push(
        `| \`${key}\` | ${shown} | ${target?.text ?? ''} | ${target ? (target.met(value) ? 'yes' : 'NO') : ''} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function writeResults(
  base: string,
  json: unknown,
  markdown: string,
): { json: string; markdown: string } {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
