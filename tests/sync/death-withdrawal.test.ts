/**
 * 撤销死亡登记 across two PCs of one street, through the real district server: PC A records two deaths
 * (a member of a 低保 household, a lone 特困 person with a care agreement and card), confirms the batch
 * that recovers the month paid after the death (扣回), and syncs; PC B syncs, sees the deaths, and edits
 * the people (a phone, an address) before A withdraws them. After both sync, B holds what A holds, row
 * for row, in every synced table: programmes running again, the member counted again, the agreement and
 * card restored, the confirmed batch unchanged; and B's edits are kept on both.
 */
import { expect, test } from 'vitest';
import { makeIdNumber } from '../../shared/id-number';
import { addMonths, monthOf } from '../../shared/policy/months';
import { shanghaiDate } from '../../shared/time/shanghai';
import { SYNC_TABLE_ORDER, WIRE_TABLES } from '../../shared/sync/catalog';
import { confirmBatch, generateBatch } from '../../electron/backend/services/assistance/batches';
import { recordDeath, withdrawDeath } from '../../electron/backend/services/registry/deaths';
import { actorOf, STREET_A, type Replica } from './harness';
import { twoPcsOfStreetA } from './file-server';
import { staffSessions } from './staff';

const pcs = twoPcsOfStreetA('deathA', 'deathB');
const { call, signIn } = staffSessions();
const actor = { ...actorOf(STREET_A), username: 'zgz_admin' };

/** Every synced table as the wire carries it (its catalog columns), row by row in id order. */
function syncedTables(r: Replica): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNC_TABLE_ORDER) {
    const cols = Object.keys(WIRE_TABLES[t]).map((c) => `"${c}"`).join(', ');
    out[t] = r.backend.store.sqlite.prepare(`SELECT ${cols} FROM "${t}" ORDER BY id`).all();
  }
  return out;
}

const one = (r: Replica, sql: string, ...args: unknown[]) => r.backend.store.sqlite.prepare(sql).get(...args) as Record<string, unknown>;

test('a death recorded on A, edited on B, withdrawn on A: both PCs hold the same street, nothing of B’s lost', async () => {
  const { a, b } = pcs;
  await signIn(a, 'zgz_admin', 'secret-pass-1');
  await signIn(b, 'zgz_admin', 'secret-pass-1');
  const communityId = (await call(a, 'org.listCommunities', {}))[0]!.id;
  const today = shanghaiDate(a.backend.store.nowDate());
  const month = monthOf(today);
  const [m2, m1] = [addMonths(month, -2), addMonths(month, -1)];
  const id = (birth: string, n: number) => makeIdNumber('120110', birth, 301 + n * 2);
  const household = (address: string, members: { name: string; relation: '02' | '10'; idNumber: string }[]) =>
    call(a, 'registry.createHousehold', {
      household: { communityId, gridId: null, address, hukouType: 'urban', bankName: '天津农商银行', bankAccount: `6221000000${members.length}${address.length}9` },
      members: members.map((m) => ({ ...m, employment: 'unemployed' as const, incomes: [] })),
    });
  const jin = await household('东丽区金家里1号', [
    { name: '金大', relation: '02', idNumber: id('19600101', 1) },
    { name: '金二', relation: '10', idNumber: id('19620505', 2) },
  ]);
  const yan = await household('东丽区严家里2号', [{ name: '严老', relation: '02', idNumber: id('19400101', 3) }]);
  const [jinEr, yanId] = [jin.members[1]!.id, yan.members[0]!.id];
  const enrol = (programme: string, householdId: string, coveredPersons: number, personId: string | null = null) =>
    a.backend.store.insert('enrolments', { streetCode: STREET_A, programme, householdId, personId, status: 'active', coveredPersons, perCapitaIncomeFen: 0, startMonth: m2 }, actor, null);
  const dibao = enrol('dibao', jin.id, 2);
  const tekun = enrol('tekun-home', yan.id, 1, yanId);
  const g = await call(a, 'care.saveCaregiver', {
    caregiver: { name: '李照料', idNumber: id('19700101', 4), relation: 'neighbour', phone: '13820005678', address: '新立村1号' },
  });
  const met = { eating: true, dressing: true, bed: true, toileting: true, walking: true, bathing: true };
  await call(a, 'care.saveProfile', { personId: yanId, selfCareMet: met, assessedDate: today, health: '高血压', risks: '独居', needs: '助餐' });
  const agreement = await call(a, 'care.createAgreement', { personId: yanId, caregiverId: g.id, startDate: today, services: ['daily-watch', 'daily-care'] });
  await call(a, 'care.signAgreement', { id: agreement.id, signedDate: today });
  const card = await call(a, 'care.issueCard', { personId: yanId, streetContact: '王民政', streetPhone: '022-24390000' });
  const confirmMonth = (m: string) => {
    for (const programme of ['dibao', 'tekun-home'] as const) confirmBatch(a.backend.store, actor, 'supervisor', generateBatch(a.backend.store, actor, programme, m).id);
  };
  confirmMonth(m2);
  confirmMonth(m1);

  // A: both die in the first paid month; this month's confirmed batches recover last month (扣回).
  recordDeath(a.backend.store, actor, { personId: jinEr, diedOn: `${m2}-10`, note: '据部门数据' });
  recordDeath(a.backend.store, actor, { personId: yanId, diedOn: `${m2}-20` });
  confirmMonth(month);
  const recovered = a.backend.store.sqlite.prepare(`SELECT count(*) AS n FROM payment_batch_rows WHERE for_month = ? AND amount_fen < 0`).get(m1) as { n: number };
  expect(recovered.n).toBe(2);
  await a.sync();
  await b.sync();
  expect(one(b, 'SELECT died_on FROM persons WHERE id = ?', jinEr)).toEqual({ died_on: `${m2}-10` });
  expect(one(b, 'SELECT status, covered_persons FROM enrolments WHERE id = ?', dibao)).toEqual({ status: 'active', covered_persons: 1 });
  expect(one(b, 'SELECT status FROM enrolments WHERE id = ?', tekun)).toEqual({ status: 'exited' });

  // B edits the people before A's withdrawal reaches it; A withdraws before B's edits reach A.
  await call(b, 'registry.updatePerson', { id: jinEr, patch: { phone: '13900001111' } });
  await call(b, 'registry.updateHousehold', { id: yan.id, patch: { address: '东丽区严家里2号3门' } });
  withdrawDeath(a.backend.store, actor, { personId: jinEr, reason: '同名误登记，身份证号不符' });
  withdrawDeath(a.backend.store, actor, { personId: yanId, reason: '误将同名人员登记死亡' });
  await b.sync();
  await a.sync();
  await b.sync();

  expect(syncedTables(b)).toEqual(syncedTables(a));
  for (const r of [a, b]) {
    expect(one(r, 'SELECT died_on, phone FROM persons WHERE id = ?', jinEr)).toEqual({ died_on: null, phone: '13900001111' });
    expect(one(r, 'SELECT address FROM households WHERE id = ?', yan.id)).toEqual({ address: '东丽区严家里2号3门' });
    expect(one(r, 'SELECT status, covered_persons, end_month FROM enrolments WHERE id = ?', dibao)).toEqual({ status: 'active', covered_persons: 2, end_month: null });
    expect(one(r, 'SELECT status, end_month FROM enrolments WHERE id = ?', tekun)).toEqual({ status: 'active', end_month: null });
    expect(one(r, 'SELECT status, terminated_date FROM care_agreements WHERE id = ?', agreement.id)).toEqual({ status: 'signed', terminated_date: null });
    expect(one(r, 'SELECT status, ended_date FROM care_cards WHERE id = ?', card.id)).toEqual({ status: 'active', ended_date: null });
  }
  // Nothing refused or parked; a further round changes nothing.
  for (const r of [a, b]) {
    expect(one(r, 'SELECT count(*) AS n FROM sync_rejections')).toEqual({ n: 0 });
    expect(one(r, 'SELECT count(*) AS n FROM sync_pending')).toEqual({ n: 0 });
  }
  await a.sync();
  await b.sync();
  expect(syncedTables(b)).toEqual(syncedTables(a));
});
