/**
 * Bench `registry-search`: a street of about 100,000 persons in a real SQLite file, built through
 * the backend and the write path (generateStreet + loadStreetData), then the search services the
 * API calls, timed query by query: searchRegistry (the search box, 10 hits) and listHouseholds
 * with q (page 1 of 50 rows, with the total). Queries are names (2–3 characters), given names
 * (the last two characters of a three-character name: an infix or suffix, through the name
 * posting table), one character from inside or at the end of a name, pinyin initials of existing
 * persons, and 4–8-digit fragments of real ID numbers (birth date, sequence,
 * check digit: what staff type; a fragment of the area code matches most of the street). Indexed
 * primary-key lookups in the same run are the baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app';
import { generateStreet } from '../../electron/backend/demo/generate';
import { loadStreetData } from '../../electron/backend/demo/load';
import { Rng } from '../../electron/backend/demo/random';
import { listHouseholds, searchRegistry } from '../../electron/backend/services/registry/read';
import type { Store } from '../../electron/backend/store/store';
import { ListHouseholdsSchema } from '../../shared/registry/schemas';
import { log, percentile, round3, timeMs, timeWallCpu, type Bench, type BenchOptions, type BenchResult } from './lib';

const SAMPLES = 200;
const WARM_UP = 30;
const TARGET_P95_MS = 30;
const SEED = 100_000;

type Kind = 'name' | 'given' | 'char' | 'initials' | 'id';

interface PersonSample {
  id: string;
  name: string;
  name_initials: string;
  id_number: string;
}

/** Deterministic query lists drawn from the persons stored. */
export function sampleQueries(store: Store): Record<Kind, string[]> & { pk: string[] } {
  const persons = store
    .prepare('SELECT id, name, name_initials, id_number FROM persons WHERE deleted_at IS NULL ORDER BY id_number')
    .all() as PersonSample[];
  const rng = new Rng(SEED);
  const draw = <T>(pick: (p: PersonSample) => T | null): T[] => {
    const out: T[] = [];
    while (out.length < SAMPLES) {
      const v = pick(rng.pick(persons));
      if (v !== null) out.push(v);
    }
    return out;
  };
  return {
    name: draw((p) => ([...p.name].length <= 3 ? p.name : null)),
    given: draw((p) => ([...p.name].length === 3 ? [...p.name].slice(1).join('') : null)),
    char: draw((p) => {
      const chars = [...p.name];
      return chars.length >= 2 ? chars[rng.int(1, chars.length - 1)]! : null;
    }),
    initials: draw((p) => (p.name_initials.length >= 2 && p.name_initials.length <= 3 ? p.name_initials : null)),
    id: draw((p) => {
      const len = rng.int(4, 8);
      const start = rng.int(6, 18 - len);
      const frag = p.id_number.slice(start, start + len);
      return /^\d+$/.test(frag) ? frag : null;
    }),
    pk: draw((p) => p.id),
  };
}

interface Built {
  store: Store;
  close: () => void;
  persons: number;
  households: number;
  /** Wall-clock and CPU seconds of the load, when this run loaded the street. */
  load: { wallS: number; cpuS: number } | null;
}

function build(opts: BenchOptions): Built {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-'));
  const backend = createBackend({ dataDir, logError: () => undefined });
  const close = () => {
    backend.close();
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const count = (t: string) => (backend.store.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    let load: Built['load'] = null;
    if (count('persons') === 0) {
      log(`registry-search: generating ${opts.households} households / 生成 ${opts.households} 户演示数据`);
      const data = generateStreet({ households: opts.households, referenceDate: '2026-06-30' });
      const total = data.households.reduce((s, h) => s + h.members.length, 0);
      let next = 20_000;
      const cpu = process.cpuUsage();
      const ms = timeMs(() =>
        loadStreetData(backend.store, data, {
          history: false,
          onProgress: (done) => {
            if (done < next) return;
            log(`  written through the write path / 已写入 ${done}/${total} persons`);
            next += 20_000;
          },
        }),
      );
      const used = process.cpuUsage(cpu);
      load = { wallS: ms / 1000, cpuS: (used.user + used.system) / 1e6 };
    }
    return { store: backend.store, close, persons: count('persons'), households: count('households'), load };
  } catch (err) {
    close();
    throw err;
  }
}

export function measure(queries: string[], fn: (q: string) => unknown): { wall: number[]; cpu: number[] } {
  for (const q of queries.slice(0, WARM_UP)) fn(q);
  const samples = queries.map((q) => timeWallCpu(() => fn(q)));
  return { wall: samples.map((s) => s.wall), cpu: samples.map((s) => s.cpu) };
}

function run(opts: BenchOptions): BenchResult {
  const { store, close, persons, households, load } = build(opts);
  try {
    const streetCode = store.getMeta('street_code')!;
    const queries = sampleQueries(store);
    const pkStmt = store.prepare('SELECT * FROM persons WHERE id = ?');
    const search = (q: string) => searchRegistry(store, streetCode, q, 10);
    const list = (q: string) => listHouseholds(store, streetCode, ListHouseholdsSchema.parse({ q, page: 1, pageSize: 50 }));

    const json: BenchResult['json'] = { bench: 'registry-search', persons, households };
    const p95s: number[] = [];
    const cpuP95s: number[] = [];
    const lines: string[] = [];
    const labels: Record<Kind, string> = {
      name: '姓名 names',
      given: '名（2字） given names',
      char: '名中单字 one character', initials: '拼音首字母 initials',
      id: '身份证号片段 ID fragments',
    };
    for (const kind of ['name', 'given', 'char', 'initials', 'id'] as const) {
      for (const [prefix, fn] of [
        ['', search],
        ['list_', list],
      ] as const) {
        const t = measure(queries[kind], fn);
        const p50 = percentile(t.wall, 50);
        const p95 = percentile(t.wall, 95);
        const cpuP95 = percentile(t.cpu, 95);
        json[`${prefix}${kind}_p50_ms`] = round3(p50);
        json[`${prefix}${kind}_p95_ms`] = round3(p95);
        p95s.push(p95);
        cpuP95s.push(cpuP95);
        const what = prefix ? 'listHouseholds(q, 50/页, 含总数)' : 'searchRegistry(q, 10)';
        lines.push(
          `  ${labels[kind].padEnd(24)} ${what.padEnd(32)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   (CPU p95 ${cpuP95.toFixed(2)} ms)`,
        );
      }
    }
    const pk = measure(queries.pk, (id) => pkStmt.get(id)).wall;
    const pkP95 = percentile(pk, 95);
    json.pk_p50_ms = round3(percentile(pk, 50));
    json.pk_p95_ms = round3(pkP95);
    const worst = Math.max(...p95s);
    json.p95_ms = round3(worst);
    json.target_p95_ms = TARGET_P95_MS;
    json.ratio = Math.round((worst / pkP95) * 10) / 10;
    // The same worst p95 in CPU time: unaffected by other processes on a busy machine.
    json.cpu_p95_ms = round3(Math.max(...cpuP95s));
    if (load) {
      json.load_s = Math.round(load.wallS * 10) / 10;
      json.load_cpu_s = Math.round(load.cpuS * 10) / 10;
    }
    // Other processes on the machine inflate wall-clock times: say how busy it was.
    json.loadavg_1m = Math.round(os.loadavg()[0]! * 10) / 10;
    json.cpus = os.cpus().length;

    const summary = [
      `registry-search: ${persons} 人 persons, ${households} 户 households` +
        (load ? `, 写入耗时 load ${load.wallS.toFixed(1)} s (CPU ${load.cpuS.toFixed(1)} s)` : ''),
      ...lines,
      `  主键查询 PK lookup (baseline)                            p50 ${percentile(pk, 50).toFixed(3).padStart(7)} ms   p95 ${pkP95.toFixed(3).padStart(7)} ms`,
      `  最慢 p95 worst ${worst.toFixed(2)} ms (CPU ${json.cpu_p95_ms} ms) / 目标 target ${TARGET_P95_MS} ms: ${worst <= TARGET_P95_MS ? '达标 OK' : '未达标 OVER TARGET'} (ratio to PK p95 ${json.ratio}×)`,
      `  机器负载 load average ${json.loadavg_1m} on ${json.cpus} CPUs${Number(json.loadavg_1m) > Number(json.cpus) ? ': 机器繁忙，耗时偏高 busy machine, times inflated' : ''}`,
    ];
    return { json, summary };
  } finally {
    close();
  }
}

export const registrySearchBench: Bench = { name: 'registry-search', run };
