/**
 * Two PCs of one street confirm the same month's batch offline with different rows (issue 12
 * left-over), through the real district server on 127.0.0.1. The district keeps the batch that
 * reached it first; after syncing, the second PC holds the district's batch, byte for byte, with its
 * own refused one kept visible (the 同步 page's refused changes, a note on the batch, an audit event),
 * so both PCs agree on what was paid.
 */
import { expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { actorOf, rows, STREET_A, type Replica } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';
import { confirmBatch, generateBatch } from '../../electron/backend/services/assistance/batches';
import { monthOf } from '../../shared/policy/months';
import { batchRowIdOf } from '../../electron/backend/services/assistance/batch-ids';
import { shanghaiDate } from '../../shared/time/shanghai';

const pcs = twoPcsOfStreetA('batchA', 'batchB');
const { call, signIn } = staffSessions();

test('the second PC to confirm a month offline converges on the district’s batch', async () => {
  const { a, b } = pcs;
  await signIn(a, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(a, 'org.listCommunities', {}))[0]!.id;
  const month = monthOf(shanghaiDate(a.backend.store.nowDate()));
  const actor = { ...actorOf(STREET_A), username: 'zgz_admin' };
  const hh: string[] = [];
  for (let i = 0; i < 2; i++) {
    const h = await call(a, 'registry.createHousehold', {
      household: { communityId, gridId: null, address: `东丽区示例里${i + 50}号`, hukouType: 'urban' },
      members: [{ name: `发放${i}`, idNumber: makeIdNumber('120110', '19600101', 71 + i * 2), relation: '02' }],
    });
    hh.push(h.id);
  }
  const enrol = (r: Replica, householdId: string) =>
    r.backend.store.insert('enrolments', { streetCode: STREET_A, programme: 'dibao', householdId, status: 'active', coveredPersons: 1, perCapitaIncomeFen: 0, startMonth: month }, actor, null);
  enrol(a, hh[0]!);
  await a.sync();
  await b.sync();
  // Offline, B approves the second household too, then both confirm the month.
  enrol(b, hh[1]!);
  const onA = generateBatch(a.backend.store, actor, 'dibao', month);
  confirmBatch(a.backend.store, actor, 'supervisor', onA.id);
  const onB = generateBatch(b.backend.store, actor, 'dibao', month);
  confirmBatch(b.backend.store, actor, 'supervisor', onB.id);
  expect(onB.id).toBe(onA.id);
  await a.sync();
  await b.sync(); // B's confirmation is refused; the district's arrives and replaces it
  const batchOf = (r: Replica) => rows(r, 'payment_batches').find((x) => x.id === onA.id)!;
  const rowsOf = (r: Replica) => rows(r, 'payment_batch_rows').filter((x) => x.batch_id === onA.id);
  expect(rowsOf(a).map((x) => x.amount_fen)).toEqual([104500]);
  expect(batchOf(b)).toEqual(batchOf(a));
  expect(rowsOf(b)).toEqual(rowsOf(a));
  // what B had confirmed stays visible: its refused changes on the 同步 page, a note on the batch, an audit event
  const refused = b.backend.store.sqlite.prepare("SELECT table_name, row_id, code FROM sync_rejections WHERE table_name LIKE 'payment_batch%'").all() as { row_id: string; code: string }[];
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((r) => r.code === 'payment-batch-frozen')).toBe(true);
  const ownRow = batchRowIdOf(onB.id, 'regular', month, onB.rows.find((r) => r.householdId === hh[1])!.enrolmentId);
  expect(refused.map((r) => r.row_id)).toContain(ownRow);
  const shown = (await call(a, 'batches.forMonth', { programme: 'dibao', month })).batch!;
  expect(shown.replacedByDistrict).toBeNull();
  await signIn(b, 'zgz_admin', 'secret-pass-1');
  const onBNow = (await call(b, 'batches.forMonth', { programme: 'dibao', month })).batch!;
  expect(onBNow).toMatchObject({ status: 'confirmed', rowCount: 1, totalFen: 104500, digest: batchOf(a).digest });
  expect(onBNow.replacedByDistrict).toMatchObject({ local: { rowCount: 2, totalFen: 209000, confirmedBy: 'zgz_admin' } });
  const audit = b.backend.store.sqlite.prepare("SELECT summary FROM audit_events WHERE action = 'batches.replaced-by-district'").all() as { summary: string }[];
  expect(audit).toHaveLength(1);
  expect(audit[0]!.summary).toContain('未被区级服务器接受');
  // nothing left parked; later syncs change nothing
  expect(b.backend.store.sqlite.prepare("SELECT count(*) AS n FROM sync_pending WHERE table_name LIKE 'payment_batch%'").get()).toEqual({ n: 0 });
  await b.sync();
  await a.sync();
  expect(rowsOf(b)).toEqual(rowsOf(a));
});
