// Web front-end benchmark (issue 16): the built web app (apps/web/server.mjs) in front of
// the API on the embedded PostgreSQL with the demo data, as `npm start` runs them.
// - server render: 10 concurrent clients ask for the same page again and again for a few
//   seconds (home, a search, an experience report), full HTML with compression; p50/p95 of
//   the time to the last byte;
// - transfer: Debian's Chromium opens each page with an empty cache; the bytes on the wire
//   (compressed, as received) of its scripts and of everything, from the DevTools protocol.
// Run alone: npm run bench:web (writes bench/results/<date>-<host>-web.json and .md); it is
// also a step of npm run bench. BENCH_QUICK=1: 3-second runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findFreePort } from '@resocc/core';
import { ROOT, isQuick, log, machineInfo, percentile, round, runScript, sleep } from './lib/common';
import { waitForGraphQL } from './lib/http';
import { API_NODE_FLAGS, type RunningChild, startChild, stopQuietly } from './lib/processes';
import { markdownTable, resultBase, writeResults } from './lib/results';

export interface WebPageResults {
  path: string;
  render_p50_ms: number;
  render_p95_ms: number;
  requests: number;
  js_kb: number;
  total_kb: number;
  requests_in_page: number;
}

export interface WebResults {
  concurrency: number;
  duration_s: number;
  home: WebPageResults;
  search: WebPageResults;
  report: WebPageResults;
}

const CONCURRENCY = 10;

async function waitForHttp(url: string, child: RunningChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive()) throw new Error(`${child.name} exited:\n${child.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${child.output()}`);
}

async function renderTimes(url: string, seconds: number): Promise<number[]> {
  const get = async (): Promise<number> => {
    const started = performance.now();
    const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await get(); // warm-up
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) samples.push(await get());
    }),
  );
  return samples;
}

interface Transfer {
  js: number;
  total: number;
  requests: number;
}

async function transferOf(url: string): Promise<Transfer> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    let js = 0;
    let total = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      requests += 1;
      total += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await sleep(300);
    return { js, total, requests };
  } finally {
    await browser.close();
  }
}

export async function runWebBench({ quick }: { quick: boolean }): Promise<WebResults> {
  const seconds = quick ? 3 : 15;
  const dataDir = mkdtempSync(join(tmpdir(), 'resocc-bench-web-'));
  let api: RunningChild | undefined;
  let web: RunningChild | undefined;
  try {
    execFileSync(process.execPath, [join(ROOT, 'tools', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    log('web: building the web app if its sources changed');
    execFileSync(process.execPath, [join(ROOT, 'apps', 'web', 'tools', 'build.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const apiPort = await findFreePort();
    api = startChild({
      name: 'API',
      args: [...API_NODE_FLAGS, join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')],
      env: { PATH: process.env['PATH'] ?? '', PORT: String(apiPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const apiChild = api;
    await waitForGraphQL(
      apiPort,
      120_000,
      () => apiChild.alive(),
      () => apiChild.output(),
    );
    const webPort = await findFreePort();
    web = startChild({
      name: 'web',
      args: [join(ROOT, 'apps', 'web', 'server.mjs')],
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        WEB_PORT: String(webPort),
        WEB_HOST: '127.0.0.1',
        API_URL: `http://127.0.0.1:${apiPort}`,
        RESOCC_WEB_QUIET: '1',
      },
    });
    const base = `http://127.0.0.1:${webPort}`;
    await waitForHttp(`${base}/robots.txt`, web, 60_000);
    const home = await (await fetch(`${base}/`)).text();
    const report = /href="(\/retours-experience\/[^"]+--[^"]+)"/.exec(home)?.[1];
    if (report === undefined) throw new Error('no experience report linked from the home page');
    const pages = { home: '/', search: '/recherche?q=reconditionn%C3%A9', report };
    const results: Partial<Record<keyof typeof pages, WebPageResults>> = {};
    for (const [name, path] of Object.entries(pages) as [keyof typeof pages, string][]) {
      log(`web: ${name} (${path}), ${CONCURRENCY} clients for ${seconds} s`);
      const samples = await renderTimes(`${base}${path}`, seconds);
      const transfer = await transferOf(`${base}${path}`);
      results[name] = {
        path,
        render_p50_ms: round(percentile(samples, 50)),
        render_p95_ms: round(percentile(samples, 95)),
        requests: samples.length,
        js_kb: round(transfer.js / 1024),
        total_kb: round(transfer.total / 1024),
        requests_in_page: transfer.requests,
      };
      log(`web: ${name}: ${JSON.stringify(results[name])}`);
    }
    if (results.home === undefined || results.search === undefined || results.report === undefined)
      throw new Error('a page was not measured');
    return {
      concurrency: CONCURRENCY,
      duration_s: seconds,
      home: results.home,
      search: results.search,
      report: results.report,
    };
  } finally {
    await stopQuietly(web);
    await stopQuietly(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const quick = isQuick();
  // The machine may be shared: its load before the run says how much to trust the figures.
  const loadBefore = round(loadavg()[0], 2);
  const web = await runWebBench({ quick });
  const m = machineInfo();
  const tree = {
    date: new Date().toISOString(),
    quick,
    command: `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench:web`,
    machine: { ...m, load_avg_1m_before: loadBefore },
    web,
  };
  const markdown = markdownTable(tree as unknown as Record<string, unknown>, ['web'], quick, {
    title: `Web front-end benchmark ${tree.date.slice(0, 10)} on ${m.hostname}${quick ? ' (quick mode)' : ''}`,
    lines: [
      `Command: \`${tree.command}\`. Machine: ${m.cores} cores (${m.cpu_model}), Node ${m.node}; load average (1 min) before the run: ${loadBefore}.`,
      `Render: ${CONCURRENCY} concurrent clients for ${web.duration_s} s per page, time to the last byte of the compressed HTML ` +
        '(web server and API on the same machine, demo data). Transfer: Chromium with an empty cache, bytes on the wire.',
    ],
  });
  const written = writeResults(resultBase(quick, 'web'), tree, markdown);
  process.stdout.write(markdown);
  log(`written: ${written.json}`);
}

if (require.main === module) runScript(main);
