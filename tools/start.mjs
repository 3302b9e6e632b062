// npm start: compile (about a second) and run the API in this process, so Ctrl-C
// reaches it directly and it can stop its embedded PostgreSQL cleanly. The API runs from
// the build folder this build produced (dist/builds/<id>), which later builds leave alone
// while this process runs (see tools/build.mjs).
//
// The web app (apps/web) runs beside it as a child process on WEB_PORT (3001; WEB_PORT=off
// runs the API alone), built first when its sources changed since the last build (about
// 20 s on a fresh clone, nothing afterwards). One Ctrl-C stops both: the terminal signals the
// whole process group, and the child is also stopped when this process exits.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In a child process: SWC's native binding and its memory stay out of the API's heap.
const output = execFileSync(process.execPath, [join(root, 'tools/build.mjs'), '--json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { main } = JSON.parse(output.trim().split('\n').pop());

const webPort = (process.env.WEB_PORT ?? '3001').trim();
if (webPort !== 'off') {
  if (!/^\d{1,5}$/.test(webPort) || Number(webPort) < 1 || Number(webPort) > 65535) {
    process.stderr.write(
      `WEB_PORT doit être un numéro de port (1 à 65535) ou « off », reçu « ${webPort} ».\n`,
    );
    process.exit(1);
  }
  const { buildWeb } = await import('../apps/web/tools/build.mjs');
  // Also in a child process (next build), so its memory is given back before the API starts.
  buildWeb();
  const apiPort = process.env.PORT ?? '3000';
  const web = spawn(process.execPath, [join(root, 'apps/web/server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      WEB_PORT: webPort,
      API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}`,
      WEB_URL: process.env.WEB_URL ?? `http://localhost:${webPort}`,
      RESOCC_WEB_QUIET: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exiting = false;
  process.once('exit', () => {
    exiting = true;
    if (web.exitCode === null) web.kill('SIGTERM');
  });
  web.once('exit', (code, signal) => {
    if (!exiting && signal === null && code !== 0)
      process.stderr.write(
        `Le site web (port ${webPort}) s'est arrêté (code ${code}) : le port est peut-être déjà pris. ` +
          `Choisissez-en un autre avec WEB_PORT, ou WEB_PORT=off pour l'API seule.\n`,
      );
  });
  // The API's banner shows the web address first.
  process.env.RESOCC_BANNER_WEB_URL = `http://localhost:${webPort}`;
}

process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(main);
