import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds on the monotonic clock (CLOCK_MONOTONIC, as process.hrtime). */
  startTime: number;
  timeDeltas: number[];
}

/** A span of the monotonic clock, in microseconds: which samples to count. */
export interface Window {
  from: number;
  to: number;
}

/** Now on the clock the profile's timestamps use, in microseconds. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

const TOP = 40;

/** Self time of a `.cpuprofile` within `window`, by function and by package, as text. */
export function summariseProfile(path: string, window: Window): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  for (const [index, id] of profile.samples.entries()) {
    at += profile.timeDeltas[index] ?? 0;
    if (at < window.from || at > window.to) continue;
    total += 1;
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = shortPath(frame.url);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`);
    add(byPackage, packageOf(frame.url, frame.functionName));
  }
  return [
    `${total} samples during the measured order load`,
    'by package:',
    ...top(byPackage, total, 25),
    'by function:',
    ...top(byFunction, total, TOP),
    '',
  ].join('\n');
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function top(counts: Map<string, number>, total: number, n: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, count]) => `  ${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
}

function shortPath(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}

function packageOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName || 'native'})`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/');
  if (dist >= 0)
    return url
      .slice(dist + 1)
      .split('/')
      .slice(0, 3)
      .join('/');
  return url;
}
