/**
 * API fuzz test (issue 13): for every procedure of the contract, arbitrary JSON and near-valid
 * mutations of a valid input (wrong types, bad dates, control characters, huge strings, extra
 * keys, removed keys) go through the real backend on a real SQLite file, signed in as the street
 * administrator of a seeded street. Never an `internal` error (what the router answers for an
 * unexpected exception); a refusal commits nothing (a second connection's data_version does not
 * move) and speaks Chinese. API_FUZZ_RUNS runs per procedure (default 200).
 *
 * Each procedure gets its own copy of the seeded database, so that what one procedure's accepted
 * calls change (a deleted household, a changed password) does not decide what the next one sees.
 */
import { databaseKeyFile } from '../db/database-key';
import { connectStreetDatabase } from '../db/street-database';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contract, PROCEDURES, type ProcedureName } from '../../../shared/api/contract';
import { createBackend, type Backend } from '../app';
import { ADMIN, makeHarness } from '../testing/harness';
import { samples, seedStreet, type Seeded } from './fuzz-samples';
import { removeTestDir } from '../testing/remove-dir';

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 200);
// Wednesday 2024-03-06 10:00 Shanghai.
const NOW = new Date('2024-03-06T02:00:00.000Z');

/** Refusals that rightly write: a failed sign-in counts towards the lockout. */
const WRITES_WHEN_REFUSED: Partial<Record<ProcedureName, readonly string[]>> = {
  'auth.login': ['bad-credentials', 'account-locked'],
};

let seededDir: string;
let seeded: Seeded;

beforeAll(async () => {
  const h = await makeHarness({ now: () => NOW });
  seeded = await seedStreet(h);
  h.backend.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  h.backend.close();
  seededDir = h.dataDir;
}, 120_000);

afterAll(() => removeTestDir(seededDir));

/** Strings that have broken, or could break, a boundary. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '2024-13-45',
    '2027-02-30',
    '0000-00-00',
    '9999-12-31',
    '1800-01-01',
    '2024-03-06T25:00:00Z',
    '张\u0000三',
    '\u200b\u200b',
    '张\u202e三',
    '\ud800',
    '\r\n',
    ' ',
    '',
    '__proto__',
    'constructor',
    '%E0%A4%A',
    '=1+1',
    '000000196001011234',
    '"',
    'a OR b*',
    'NEAR(',
    '\\',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => '字'.repeat(n)),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, [], {}, [null]) },
);

type Path = (string | number)[];

function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'extra'; key: string; value: unknown };

function mutate(sample: unknown, at: Path, m: Mutation): unknown {
  const root = structuredClone(sample) as Record<string | number, unknown>;
  if (at.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'extra' && root && typeof root === 'object') return { ...root, [m.key]: m.value };
    return undefined;
  }
  let parent = root as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (m.kind === 'set') parent[last] = m.value;
  else if (m.kind === 'delete') delete parent[last];
  else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
    else parent[last] = { [m.key]: m.value };
  }
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: anyValue.map((value): Mutation => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('extra')), anyValue).map(([key, value]): Mutation => ({ kind: 'extra', key, value })) },
);

function inputs(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  const nearValid = fc
    .tuple(fc.integer({ min: 0, max: paths.length - 1 }), mutation, fc.integer({ min: 0, max: paths.length - 1 }), mutation, fc.boolean())
    .map(([i, m, j, m2, twice]) => {
      const once = mutate(sample, paths[i]!, m);
      return twice ? mutate(once, pathsOf(once)[j % pathsOf(once).length]!, m2) : once;
    });
  return fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 4, arbitrary: nearValid }, { weight: 1, arbitrary: fc.constant(sample) });
}

/** A backend on a fresh copy of the seeded street, the admin signed in, and a second connection that sees its commits. */
async function openCopy() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-fuzz-'));
  fs.cpSync(seededDir, dataDir, { recursive: true });
  fs.copyFileSync(databaseKeyFile(seededDir), databaseKeyFile(dataDir)); // the key lives beside the folder
  const backend: Backend = createBackend({ dataDir, now: () => NOW, logError: () => undefined, sync: { autoStart: false } });
  const observer = connectStreetDatabase(dataDir, { readonly: true });
  let password = ADMIN.password;
  let token = '';
  const signIn = async () => {
    const env = await backend.call('auth.login', { username: ADMIN.username, password }, null);
    if (!env.ok) throw new Error(`admin cannot sign in again: ${env.error.message}`);
    token = (env.result as { token: string }).token;
  };
  await signIn();
  return {
    backend,
    get token() {
      return token;
    },
    version: () => observer.pragma('data_version', { simple: true }) as number,
    /** After a call: sign in again if it ended the session; remember a changed password. */
    async settle(procedure: ProcedureName, input: unknown, ok: boolean) {
      if (ok && procedure === 'auth.changePassword') password = (input as { newPassword: string }).newPassword;
      if (!(await backend.call('auth.me', {}, token)).ok) await signIn();
    },
    close() {
      observer.close();
      backend.close();
      removeTestDir(dataDir);
      removeTestDir(`${dataDir}-backups`); // backup.create's default folder
      fs.rmSync(databaseKeyFile(dataDir), { force: true });
    },
  };
}

const ENGLISH_ZOD = /Invalid input|Invalid option|expected|Too (big|small)|Unrecognized key/i;

describe('API fuzz: arbitrary input never yields an internal error, and a refusal writes nothing', () => {
  test('every procedure has a valid sample to mutate', () => {
    const all = samples(seeded);
    const missing = PROCEDURES.filter((p) => !(p in all) && !contract[p].input.safeParse({}).success);
    expect(missing).toEqual([]);
    const invalid = PROCEDURES.filter((p) => p in all && !contract[p].input.safeParse(all[p]).success);
    expect(invalid).toEqual([]);
  });

  test.each(PROCEDURES.map((p) => [p]))('%s', async (procedure) => {
    const sample = samples(seeded)[procedure] ?? {};
    const copy = await openCopy();
    try {
      await fc.assert(
        fc.asyncProperty(inputs(sample), async (input) => {
          const before = copy.version();
          const env = await copy.backend.call(procedure, input, copy.token);
          const after = copy.version();
          await copy.settle(procedure, input, env.ok);
          if (env.ok) return;
          const { code, message } = env.error;
          expect(code, message).not.toBe('internal');
          if (!WRITES_WHEN_REFUSED[procedure]?.includes(code)) expect(after, `refused (${code}) but wrote`).toBe(before);
          expect(message).toMatch(/[\u4e00-\u9fff]/);
          expect(message).not.toMatch(ENGLISH_ZOD);
          expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
        }),
        { numRuns: RUNS, seed: process.env.API_FUZZ_SEED ? Number(process.env.API_FUZZ_SEED) : undefined },
      );
    } finally {
      copy.close();
    }
    // auth.logout and auth.changePassword sign in again after most runs: one scrypt each (pure JS)
  }, 120_000);
});
