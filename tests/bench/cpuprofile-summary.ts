/**
 * Reads a `.cpuprofile` (node --cpu-prof): self time by function and file, and the total time
 * (self and callees) of the functions named, e.g. each 工作台 section. A tool:
 * `tsx tests/bench/cpuprofile-summary.ts FILE [top] [name,name,…]`.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, namesArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file!, 'utf8')) as Profile;
const top = Number(topArg ?? 30);
const names = new Set((namesArg ?? '').split(',').filter(Boolean));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/wt-[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
/** Self time of the leading native wrappers (SQLite statements) by the function that called them. */
const byCaller = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  if (n.callFrame.url.endsWith('table-changes.ts')) {
    // the first caller outside the store's wrappers
    let at = parent.get(id);
    while (at !== undefined && /table-changes|since-last-change/.test(byId.get(at)!.callFrame.url)) at = parent.get(at);
    const k = at === undefined ? '?' : label(byId.get(at)!);
    byCaller.set(k, (byCaller.get(k) ?? 0) + us);
  }
  // Total of a named function: counted once per sample however deep the recursion.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame.functionName;
    if (names.has(f) && !seen.has(f)) seen.add(f), total.set(f, (total.get(f) ?? 0) + us);
  }
}
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(`all ${ms(all)}`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`self ${ms(us)}  ${k}`);
for (const [k, us] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`sql ${ms(us)}  ${k}`);
for (const [k, us] of [...total].sort((a, b) => b[1] - a[1])) console.log(`total ${ms(us)}  ${k}`);
