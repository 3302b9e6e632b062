// Reads a V8 `.cpuprofile` (node --cpu-prof) and lists the functions with the most self time.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, round } from './common';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  /** `function (file:line)`, the file relative to the repository. */
  place: string;
  self_ms: number;
  self_percent: number;
}

/** The newest `.cpuprofile` in `dir`. */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0];
}

/**
 * The `top` places with the most self time, in % of the busy time (idle excluded; garbage
 * collection and "(program)" are listed as V8 names them). The profile covers the whole
 * process, start-up included.
 */
export function hotSpots(file: string, top = 10): HotSpot[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += delta;
    const frame = node.callFrame;
    const url = frame.url.startsWith('file://') ? frame.url.slice('file://'.length) : frame.url;
    const where = url ? ` (${url.startsWith('/') ? relative(ROOT, url) : url}:${frame.lineNumber + 1})` : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  });
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([place, us]) => ({
      place,
      self_ms: round(us / 1000, 1),
      self_percent: total > 0 ? round((100 * us) / total, 1) : 0,
    }));
}
