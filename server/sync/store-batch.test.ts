/**
 * The batch path of a push (store-batch.ts) answers and stores exactly what the one-by-one path
 * does: random pushes (new rows, several changes to one row within a push, in and out of clock
 * order, repeated stamps, rows of another street, a row the database refuses, rows of a confirmed
 * payment batch) go to two fresh servers, one per path, and the answers, the change log and the
 * merged rows are compared row for row. Chunks are small so that a row's changes straddle them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { openServerDb, type OpenedServerDb } from '../db/open';
import { syncChanges, syncRows } from '../db/schema';
import { formatHlc } from '../../shared/hlc';
import type { Change } from '../../shared/sync/wire';
import { pushChanges, type Pusher, type StoreFailure } from './log';
import { createScratchDatabase } from '../../tests/support/scratch-postgres';

const STREET_A = '120110001000';
const STREET_B = '120110002000';
const NOW = new Date('2026-03-10T02:00:00.000Z');
const AT = '2026-03-09T02:00:00.000Z';

const streetDevice: Pusher = { deviceId: 'dev-a', node: 'nodea', scope: { kind: 'street', partition: STREET_A }, enrolledAt: AT };
const districtDevice: Pusher = { deviceId: 'dev-d', node: 'noded', scope: { kind: 'district', partition: 'district' }, enrolledAt: AT };

/** A seeded generator, so that a failing mix can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

let counter = 0;
/** A stamp up to a minute before now: later changes in a push may carry older clocks. */
function stamp(r: ReturnType<typeof random>, node: string): string {
  return formatHlc({ millis: NOW.getTime() - 60_000 + r.int(60_000), counter: counter++, node });
}

const community = (id: string, street: string, name: string) => ({
  table: 'communities', rowId: id, partition: street,
  fields: { id, created_at: AT, updated_at: AT, deleted_at: null, street_code: street, name, kind: 'community' },
});
const batch = (id: string, status: string) => ({
  table: 'payment_batches', rowId: id, partition: STREET_A,
  fields: { id, created_at: AT, updated_at: AT, deleted_at: null, street_code: STREET_A, programme: 'dibao', month: '2026-03', status, generated_at: AT },
});
const batchRow = (id: string, batchId: string, amount: number) => ({
  table: 'payment_batch_rows', rowId: id, partition: STREET_A,
  fields: {
    id, created_at: AT, updated_at: AT, deleted_at: null, street_code: STREET_A, batch_id: batchId, seq: 1, kind: 'regular',
    for_month: '2026-03', enrolment_id: 'e1', household_id: 'h1', community: '新立社区', address: '一号', covered_persons: 2,
    amount_fen: amount, basis: '标准',
  },
});

/** One random push of `who`; `seen` holds earlier changes (repeated as duplicates) and row ids. */
function randomPush(r: ReturnType<typeof random>, who: Pusher, round: number, seen: Change[]): Change[] {
  const node = who.node!;
  const out: Change[] = [];
  const ids = [...new Set(seen.filter((c) => c.table === 'communities').map((c) => c.rowId))];
  const batches = [...new Set(seen.filter((c) => c.table === 'payment_batches').map((c) => c.rowId))];
  const n = 20 + r.int(40);
  for (let i = 0; i < n; i++) {
    const kind = r.int(12);
    const id = `r${round}-${i}`;
    let body: Omit<Change, 'hlc' | 'node'>;
    if (kind <= 2 || ids.length === 0) body = community(id, r.next() < 0.8 ? STREET_A : STREET_B, `社区${id}`);
    else if (kind <= 5) {
      // an update of a known row, often one created earlier in this very push; sometimes claimed for the other street
      const rowId = r.pick(ids);
      const street = r.next() < 0.85 ? (seen.find((c) => c.rowId === rowId)?.partition ?? STREET_A) : STREET_B;
      body = { table: 'communities', rowId, partition: street, fields: r.next() < 0.5 ? { name: `改${i}` } : { name: `又${i}`, updated_at: NOW.toISOString() } };
    } else if (kind === 6 && seen.length > 0) {
      out.push(r.pick(seen)); // the same stamp again: acknowledged, not stored twice
      continue;
    } else if (kind === 7) body = community(`boom-${round}-${i}`, STREET_A, '数据库拒收');
    else if (kind === 8) body = batch(`b${round}-${i}`, r.pick(['draft', 'confirmed']));
    else if (kind === 9 && batches.length > 0) body = batchRow(`br${round}-${i}`, r.pick(batches), 100 + r.int(5));
    else if (kind === 10 && batches.length > 0) body = { ...batch(r.pick(batches), r.pick(['confirmed', 'draft', 'paid'])), fields: { status: r.pick(['confirmed', 'draft']) } };
    else body = { ...community(id, STREET_A, ''), fields: { ...community(id, STREET_A, '').fields, name: 3 } }; // a bad value
    const c = { ...body, hlc: stamp(r, node), node } as Change;
    out.push(c);
    seen.push(c);
    if (c.table === 'communities') ids.push(c.rowId);
    if (c.table === 'payment_batches' && 'programme' in c.fields) batches.push(c.rowId);
  }
  return out;
}

async function refuseBoomRows(db: OpenedServerDb['db']): Promise<void> {
  await db.execute(sql.raw(`CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.row_id LIKE 'boom-%' THEN RAISE EXCEPTION 'cannot store'; END IF; RETURN NEW; END $$`));
  await db.execute(sql.raw('CREATE TRIGGER test_boom BEFORE INSERT ON sync_changes FOR EACH ROW EXECUTE FUNCTION test_boom()'));
}

/** The log and the merged rows, with sequence numbers as the stamp they stand for (a refused chunk uses some up). */
async function stateOf(db: OpenedServerDb['db']) {
  const log = await db.select().from(syncChanges).orderBy(asc(syncChanges.seq));
  const stampOf = new Map(log.map((c) => [c.seq, `${c.node}/${c.hlc}`]));
  const rows = await db.select().from(syncRows).orderBy(asc(syncRows.tableName), asc(syncRows.rowId));
  return {
    log: log.map(({ seq: _seq, ...c }) => c),
    rows: rows.map(({ seq, ...r }) => ({ ...r, last: stampOf.get(seq) })),
  };
}

let batchServer: OpenedServerDb;
let oneServer: OpenedServerDb;
const drops: (() => Promise<void>)[] = [];

/** A fresh server database: a scratch PostgreSQL database with SYNC_TEST_DATABASE_URL (.ci/run), else PGlite. */
async function freshServer(): Promise<OpenedServerDb> {
  const adminUrl = process.env.SYNC_TEST_DATABASE_URL;
  if (!adminUrl) return openServerDb({});
  const scratch = await createScratchDatabase(adminUrl, 'doudi_push');
  drops.push(scratch.drop);
  return openServerDb({ databaseUrl: scratch.url });
}

beforeAll(async () => {
  [batchServer, oneServer] = await Promise.all([freshServer(), freshServer()]);
  await refuseBoomRows(batchServer.db);
  await refuseBoomRows(oneServer.db);
}, 120_000);

afterAll(async () => {
  await batchServer?.close();
  await oneServer?.close();
  for (const drop of drops) await drop();
});

describe('a push stored in chunks', () => {
  test('answers, logs and merges random pushes exactly as change-by-change storing does', async () => {
    const r = random(20260310);
    const seen: Change[] = [];
    let refusedByDatabase = 0;
    const codes = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const who = round % 3 === 2 ? districtDevice : streetDevice;
      const changes = randomPush(r, who, round, seen.filter((c) => c.node === who.node || who === districtDevice));
      const chunk = round % 4 === 3 ? 500 : 1 + r.int(9);
      const failures: StoreFailure[][] = [[], []];
      const viaBatch = await pushChanges(batchServer.db, who, changes, NOW, {}, (f) => failures[0]!.push(f), { chunk });
      const viaOne = await pushChanges(oneServer.db, who, changes, NOW, {}, (f) => failures[1]!.push(f), 'one-by-one');
      expect(viaBatch, `round ${round}, chunk ${chunk}`).toEqual(viaOne);
      expect(failures[0]).toEqual(failures[1]);
      refusedByDatabase += failures[1]!.length;
      for (const x of viaOne.rejected) codes.add(x.code);
      seen.push(...changes.filter((c) => viaOne.accepted.includes(c.hlc) && !seen.includes(c)));
      expect(await stateOf(batchServer.db), `round ${round}`).toEqual(await stateOf(oneServer.db));
    }
    // The mixes did reach every kind of refusal the test means to compare.
    expect(refusedByDatabase).toBeGreaterThan(0);
    expect([...codes].sort()).toEqual(expect.arrayContaining(['bad-value', 'partition-forbidden', 'payment-batch-frozen', 'store-failed']));
  }, 120_000);
});
