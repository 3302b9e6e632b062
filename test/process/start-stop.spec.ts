// The API as a newcomer runs it: a real process on the embedded PostgreSQL, no variables
// but PORT and DATA_DIR, stopped with a signal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@resocc/core';
import { buildApi } from '../support/api-process';
import { graphql, postgresProcessesFor, startBuilt, waitForAnswer } from './processes';

describe('npm start on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    await buildApi();
    dataDir = mkdtempSync(join(tmpdir(), 'resocc-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty DATA_DIR, keeps its data across a restart and leaves no postgres behind', async () => {
    const port = await findFreePort();
    const first = startBuilt({ PORT: String(port), DATA_DIR: dataDir });
    await waitForAnswer(port, first);
    expect(first.output()).toContain(`http://localhost:${port}/graphql`);
    const before = await graphql(port, '{ themes { id } }');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);

    const second = startBuilt({ PORT: String(port), DATA_DIR: dataDir });
    await waitForAnswer(port, second);
    const after = await graphql(port, '{ themes { id } }');
    expect(after.data?.['themes']).toEqual(before.data?.['themes']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  });

  it('stops with a non-zero exit and names the variable when the configuration is bad', async () => {
    const bad = startBuilt({ PORT: 'abc', DATA_DIR: dataDir });
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toContain('PORT');
    expect(postgresProcessesFor(dataDir)).toBe(0);
  });
});
