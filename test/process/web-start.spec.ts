// `npm start` as a newcomer runs it, with the web app: one command serves the home page on
// WEB_PORT with the demo content, the banner shows the web address first, and one signal
// stops both processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@resocc/core';
import { npmStart, postgresProcessesFor, stop, waitForAnswer } from './processes';

async function webAnswers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm start with the web app', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'resocc-web-start-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the home page with the demo content on WEB_PORT, shows its address first, and stops both on one Ctrl-C', async () => {
    const [apiPort, webPort] = [await findFreePort(), await findFreePort()];
    const started = npmStart({ PORT: String(apiPort), WEB_PORT: String(webPort), DATA_DIR: dataDir });
    try {
      // the first start may build the web app (about 20 s)
      await waitForAnswer(apiPort, started, 240_000);
      const home = await fetch(`http://127.0.0.1:${webPort}/`, { signal: AbortSignal.timeout(10_000) });
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('<html lang="fr"');
      expect(html).toContain('Derniers retours d&#x27;expérience');
      expect(html).toContain('Un tiers de postes de travail reconditionnés');
      const banner = started.output();
      const web = banner.indexOf(`plateforme : http://localhost:${webPort}`);
      expect(web).toBeGreaterThan(-1);
      expect(web).toBeLessThan(banner.indexOf(`http://localhost:${apiPort}/graphql`));
    } finally {
      expect(await stop(started, 'SIGINT')).toBe(0);
    }
    // the web child goes with it
    const deadline = Date.now() + 10_000;
    while ((await webAnswers(webPort)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await webAnswers(webPort)).toBe(false);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  }, 300_000);
});
