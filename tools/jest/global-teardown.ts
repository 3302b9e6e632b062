import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../libs/core/src/database';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __RESOCC_PG__?: { postgres: RunningPostgres; dir: string } }).__RESOCC_PG__;
  if (!state) return;
  await state.postgres.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
