/**
 * Property (issue 12): whatever standards are entered (in force from the month itself or reaching
 * back), whatever exits are recorded late, whatever enrolments are approved from a past month, and
 * whichever months have no confirmed batch (nobody payable, or left for the next batch), month after
 * month, every confirmed batch's rows stay byte-identical (their digest and stored values), and once
 * a month's batch is confirmed, for every earlier month since the first confirmed batch what the
 * confirmed batches paid for it equals what the rules give for it now. Real SQLite per run;
 * BATCH_PROPERTY_RUNS runs (default 12), BATCH_PROPERTY_SEED to replay.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addMonths, firstDayOf } from '../../../shared/policy';
import { makeIdNumber } from '../../../shared/id-number';
import { ADMIN, makeHarness } from '../testing/harness';
import { amountFor, payableIn, type EnrolmentDbRow } from '../services/assistance/amounts';
import { confirmBatch, frozenRows, generateBatch, rowsDigest } from '../services/assistance/batches';
import { setParam } from '../services/policy/params';

const RUNS = Number(process.env.BATCH_PROPERTY_RUNS ?? 12);
const SEED = process.env.BATCH_PROPERTY_SEED ? Number(process.env.BATCH_PROPERTY_SEED) : undefined;
const START = '2026-04';
const MONTHS = 8;

const monthOps = fc.record({
  /** A new standard: from this month, or reaching back up to 3 months. */
  standard: fc.option(fc.record({ back: fc.integer({ min: 0, max: 3 }), fen: fc.integer({ min: 100000, max: 120000 }) }), { nil: undefined }),
  /** An exit recorded now for one household, back to a month up to 3 months ago. */
  exit: fc.option(fc.record({ who: fc.integer({ min: 0, max: 3 }), back: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
  /** The fourth household approved now, paid from a month up to 3 months ago (追溯批准). */
  late: fc.option(fc.record({ back: fc.integer({ min: 0, max: 3 }) }), { nil: undefined, freq: 3 }),
  /** The month's batch is left unconfirmed (the next batch settles the month). */
  skip: fc.boolean(),
});

test('confirmed rows never change; paid plus adjustments equals what the rules give now', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(monthOps, { minLength: MONTHS, maxLength: MONTHS }), async (ops) => {
      let now = new Date('2026-04-20T02:00:00Z');
      const h = await makeHarness({ now: () => now });
      try {
        const store = h.backend.store;
        const street = '120110001000';
        const actor = { userId: null, username: ADMIN.username, streetCode: street };
        const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
        const enrolments: string[] = [];
        const households: string[] = [];
        for (let i = 0; i < 4; i++) {
          const hh = await h.call('registry.createHousehold', {
            household: { communityId, address: `詹滨西里${i + 1}号`, hukouType: 'urban' },
            members: [{ name: `对象${i + 1}`, relation: '02', idNumber: makeIdNumber('120110', '19700101', 100 + i * 2 + 1), incomes: [] }],
          });
          households.push(hh.id);
        }
        // An enrolment already approved (the workflow has its own tests), paid from `startMonth`.
        const approve = (i: number, startMonth: string) =>
          enrolments.push(
            store.insert(
              'enrolments',
              { streetCode: street, programme: 'dibao', householdId: households[i]!, status: 'active', coveredPersons: 1 + (i % 3), perCapitaIncomeFen: (i % 3) * 10000, startMonth },
              actor,
              null,
            ),
          );
        for (let i = 0; i < 3; i++) approve(i, START);
        const snapshots = new Map<string, { digest: string; rows: string }>();
        for (let k = 0; k < MONTHS; k++) {
          const month = addMonths(START, k);
          now = new Date(`${month}-20T02:00:00Z`);
          const op = ops[k]!;
          if (op.standard) {
            const from = firstDayOf(addMonths(month, -op.standard.back));
            setParam(store, actor, { key: 'dibao.standard', value: op.standard.fen, effectiveFrom: from, partition: 'district', retroactiveReason: '补录' });
          }
          if (op.late && enrolments.length === 3) approve(3, addMonths(month, -op.late.back));
          if (op.exit) {
            const id = enrolments[op.exit.who];
            const e = id ? (store.prepare('SELECT status, start_month FROM enrolments WHERE id = ?').get(id) as { status: string; start_month: string }) : null;
            if (id && e && e.status === 'active' && addMonths(month, -op.exit.back) >= e.start_month) {
              store.update('enrolments', id, { status: 'exited', endMonth: addMonths(month, -op.exit.back) }, actor, null);
            }
          }
          const b = generateBatch(store, actor, 'dibao', month);
          if (b.rowCount === 0 || (op.skip && snapshots.size > 0)) continue;
          confirmBatch(store, actor, 'supervisor', b.id);
          const stored = store.prepare('SELECT digest FROM payment_batches WHERE id = ?').get(b.id) as { digest: string };
          snapshots.set(b.id, { digest: stored.digest, rows: JSON.stringify(store.prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq').all(b.id)) });
          // every confirmed batch is as it was confirmed
          for (const [id, snap] of snapshots) {
            expect(rowsDigest(frozenRows(store, id))).toBe(snap.digest);
            expect(JSON.stringify(store.prepare('SELECT * FROM payment_batch_rows WHERE batch_id = ? ORDER BY seq').all(id))).toBe(snap.rows);
          }
          // every month since the first confirmed batch is settled, with or without a batch of its own: paid = due now
          const first = (store.prepare("SELECT MIN(month) AS m FROM payment_batches WHERE status = 'confirmed'").get() as { m: string }).m;
          for (let j = 0; j <= k; j++) {
            const m = addMonths(START, j);
            for (const id of enrolments) {
              const e = store.prepare('SELECT * FROM enrolments WHERE id = ?').get(id) as EnrolmentDbRow;
              const due = payableIn(store, e, m) ? amountFor(store, e, m).amountFen : 0;
              const paid = (
                store
                  .prepare(
                    `SELECT COALESCE(SUM(r.amount_fen), 0) AS n FROM payment_batch_rows r JOIN payment_batches b ON b.id = r.batch_id
                      WHERE r.enrolment_id = ? AND r.for_month = ? AND b.status IN ('confirmed', 'paid')`,
                  )
                  .get(id, m) as { n: number }
              ).n;
              if (m >= first) expect(paid, `${m} ${id}`).toBe(due);
            }
          }
        }
      } finally {
        await h.close();
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
}, 600_000);
