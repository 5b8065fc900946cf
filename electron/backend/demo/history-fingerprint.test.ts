/**
 * The demo year is the same street every time: a small street (300 households) loaded with its
 * history leaves exactly the rows recorded here, table by table, ids and all. It pins the order the
 * year's steps run in (history.ts), so a faster scheduler or loader cannot change what is loaded.
 * The loader's own choices come from its seeded random and the injected clock; only the ids'
 * random bits and the password salts come from the system's entropy, so the test feeds those a
 * fixed stream. When the demo is meant to change, record the new hashes (the failure prints them).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SYNC_TABLE_ORDER } from '../../../shared/sync/catalog';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { makeHarness, type Harness } from '../testing/harness';
import { generateStreet } from './generate';
import { loadStreetData } from './load';

/** A Thursday afternoon in Shanghai (the tests never read the runner's clock). */
const NOW = new Date('2026-11-19T06:30:00Z');
const HOUSEHOLDS = 300;
/** Besides the synced tables: the change log and field clocks the write path fills. */
const BOOKKEEPING = ['change_log', 'field_clocks'] as const;

/** A fixed byte stream (xorshift32) in place of the system's entropy. */
function fixedEntropy(): <T extends ArrayBufferView | null>(array: T) => T {
  let x = 0x2545f491;
  return (array) => {
    if (!array) return array;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    return array;
  };
}

/** A hash of each table's rows, every column, in a fixed order (by id, else by every column). */
function fingerprint(h: Harness): Record<string, string> {
  const db = h.backend.store.sqlite;
  const out: Record<string, string> = {};
  for (const table of [...SYNC_TABLE_ORDER, ...BOOKKEEPING]) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const orderBy = columns.includes('id') ? 'id' : columns.map((_, i) => String(i + 1)).join(', ');
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).raw().all();
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)) + '\n');
    out[table] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

describe('the demo year is the same street every time', () => {
  let h: Harness;
  let got: Record<string, string>;

  beforeAll(async () => {
    const entropy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(fixedEntropy());
    try {
      h = await makeHarness({ setUp: false, now: () => NOW });
      loadStreetData(h.backend.store, generateStreet({ households: HOUSEHOLDS, referenceDate: shanghaiDate(NOW) }), { history: true });
    } finally {
      entropy.mockRestore();
    }
    got = fingerprint(h);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  test('a 300-household street with its year leaves exactly the recorded rows', () => {
    expect(got).toEqual(RECORDED);
  });
});

/** Rows and hash per table, recorded with the step-by-step scan the year was first played with. */
const RECORDED: Record<string, string> = {
  audit_events: '1033:ea5c3a48986e6fb5',
  care_agreements: '10:24b0e6362a8ca7ff',
  care_cards: '9:3584f639d06b9518',
  care_plans: '9:17071b831fddf69c',
  care_profiles: '10:7e5c35374a2ac615',
  care_visits: '84:044a7cab12f90c6d',
  caregivers: '10:148b6ac6a91c5d96',
  change_log: '9969:1d5eeffd904f904e',
  circulars: '0:e3b0c44298fc1c14',
  communities: '8:5a267011befe6267',
  department_imports: '4:7dbb1614a5fb1003',
  department_records: '310:c5cc386e23827c2a',
  enrolment_steps: '707:8f526a16034a966f',
  enrolments: '286:698674d6b3d33117',
  field_clocks: '10273:02de4abab274ee8a',
  grids: '17:dabe2430f62a5dcf',
  households: '300:ca269e87970fbbc7',
  income_rise_decisions: '280:3dbfc4de62a4bb9e',
  ledger_clue_inbox: '0:e3b0c44298fc1c14',
  ledger_events: '48:fd5790a8a443adf2',
  ledger_items: '16:f591a1024950912d',
  left_behind_records: '18:5d3866686a57bd54',
  payment_batch_rows: '2762:1fd0a8c0f837e730',
  payment_batches: '22:83a5e8157233027d',
  persons: '757:a386142192fa8305',
  policy_params: '68:7cc858a8e7b9ffba',
  referrals: '0:e3b0c44298fc1c14',
  report_submissions: '0:e3b0c44298fc1c14',
  streets: '1:11dc5b05fed9282f',
  temporary_assistance: '6:ea00f09a749b208c',
  users: '3:525b4c63bbdbe993',
  visits: '3004:b390f24f6ea6545c',
  warnings: '42:86cff7ee5d314ef5',
  watch_entries: '0:e3b0c44298fc1c14',
};
