/**
 * Issue 17, 应退尽退: a recorded death stops every entitlement of the person in one transaction — from
 * the next unconfirmed batch, never in a confirmed one — lists what confirmed batches paid after the
 * death for 扣回 (to the fen), ends care agreements and cards, takes the person off the visit lists
 * and opens a re-assessment of the household's remaining members; nothing else changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeAssistanceHarness, type AssistanceHarness, type Member } from '../../../tests/support/assistance-harness';
import type { Harness } from '../testing/harness';
import { batchRowsFor, deathStreet, deathStreetDay, frozenRows, type DEATH_PROGRAMMES } from '../../../tests/support/death-street';

let a: AssistanceHarness;
const MIGRATIONS = path.resolve(__dirname, '../db/migrations');

const at = (iso: string) => a.at(iso);
const call: Harness['call'] = (p, input) => a.call(p, input);
const raw = (p: string, input: unknown) => a.raw(p, input);
const db = () => a.db();
const changeCount = () => (db().prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
beforeEach(async () => {
  a = await makeAssistanceHarness();
  await deathStreetDay(a);
});
afterEach(() => a.close());

const household = (members: Member[]) => a.household(members);
const frozen = () => frozenRows(a);
const batchesNow = () => db().prepare("SELECT id, status, digest, row_count, total_fen, confirmed_at FROM payment_batches WHERE status <> 'pending' ORDER BY id").all();
const rowsFor = (programme: (typeof DEATH_PROGRAMMES)[number], month: string, enrolmentId: string) => batchRowsFor(a, programme, month, enrolmentId);
const street = () => deathStreet(a);

describe('应退尽退: a recorded death stops every entitlement', () => {
  test('stopped from the next unconfirmed batch, 扣回 listed to the fen, care ended, visits closed, nothing else touched', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    const confirmedRows = frozen();
    const confirmedBatches = batchesNow();
    const tao = db().prepare('SELECT * FROM enrolments WHERE id = ?').get(s.taoDibao.id);
    const daBefore = await call('assistance.getEnrolment', { id: s.daSubsidy.id });
    const yanHousehold = (r: { householdId: string }) => r.householdId === s.yan.id;
    expect((await call('screening.dueList', { list: 'week', pageSize: 500 })).rows.some(yanHousehold)).toBe(true);
    expect((await call('care.board', {})).map((r) => r.personId)).toContain(s.yanId);

    await call('registry.recordDeath', { personId: s.jinEr.id, diedOn: '2026-04-10', note: '公安户籍注销' });
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28', note: '殡葬火化记录' });

    // The person's own programmes are exited from the month after the death; the household's 低保 counts one fewer.
    expect(await call('assistance.getEnrolment', { id: s.erSubsidy.id })).toMatchObject({ status: 'exited', endMonth: '2026-05' });
    expect(await call('assistance.getEnrolment', { id: s.tekun.id })).toMatchObject({ status: 'exited', endMonth: '2026-05' });
    expect(await call('assistance.getEnrolment', { id: s.jinDibao.id })).toMatchObject({ status: 'active', endMonth: null, coveredPersons: 1 });
    // The next unconfirmed batch: no payment to the dead, the 扣回 of May; April (alive through the month of death) kept.
    expect(await rowsFor('disability-living-subsidy', '2026-06', s.erSubsidy.id)).toEqual([['recovery', '2026-05', -10000]]);
    expect(await rowsFor('tekun-home', '2026-06', s.tekun.id)).toEqual([['recovery', '2026-05', -187000]]);
    expect(await rowsFor('dibao', '2026-06', s.jinDibao.id)).toEqual([
      ['regular', '2026-06', 104500],
      ['recovery', '2026-05', -104500],
    ]);

    const ended = await call('assistance.entitlementsEnded', {});
    expect(ended.map((e) => e.name)).toEqual(['严老', '金二']);
    const [yan, er] = ended as [(typeof ended)[number], (typeof ended)[number]];
    expect(er).toMatchObject({
      diedOn: '2026-04-10',
      source: '公安户籍注销',
      recordedBy: 'admin',
      enrolments: [
        { enrolmentId: s.jinDibao.id, programme: 'dibao', change: 'covered-reduced', stopMonth: '2026-05' },
        { enrolmentId: s.erSubsidy.id, programme: 'disability-living-subsidy', change: 'exited', stopMonth: '2026-05' },
      ],
      recoverTotalFen: 114500,
      agreements: [],
      cards: [],
    });
    expect(er.recoveries).toEqual([
      { enrolmentId: s.jinDibao.id, programme: 'dibao', month: '2026-05', paidFen: 209000, dueFen: 104500, recoverFen: 104500 },
      { enrolmentId: s.erSubsidy.id, programme: 'disability-living-subsidy', month: '2026-05', paidFen: 10000, dueFen: 0, recoverFen: 10000 },
    ]);
    expect(er.reviewItemNo).toMatch(/^WT-/);
    expect(yan).toMatchObject({
      enrolments: [{ enrolmentId: s.tekun.id, programme: 'tekun-home', change: 'exited', stopMonth: '2026-05' }],
      recoveries: [{ enrolmentId: s.tekun.id, month: '2026-05', paidFen: 187000, dueFen: 0, recoverFen: 187000 }],
      recoverTotalFen: 187000,
      agreements: [{ id: s.agreement.id, endedOn: '2026-04-28' }],
      cards: [{ id: s.card.id, cardNumber: s.card.cardNumber, endedOn: '2026-04-28' }],
      reviewItemNo: null,
    });
    // The re-assessment item is on the household's ledger, for the remaining member.
    const item = (await call('ledger.list', { q: '死亡后复核' })).rows.find((r) => r.itemNo === er.reviewItemNo);
    expect(item).toMatchObject({ householdId: s.jin.id, status: 'pending' });

    // Care: the agreement and the card ended with the date; off the 四有 board and the screening due list.
    expect(await call('care.getPerson', { personId: s.yanId })).toMatchObject({
      agreements: [expect.objectContaining({ status: 'terminated', terminatedDate: '2026-04-28', terminationReason: '死亡' })],
      cards: [expect.objectContaining({ status: 'cancelled', endedDate: '2026-04-28' })],
    });
    expect((await call('care.board', {})).map((r) => r.personId)).not.toContain(s.yanId);
    expect((await call('screening.dueList', { list: 'week', pageSize: 500 })).rows.some(yanHousehold)).toBe(false);

    // Nothing else: confirmed batches byte for byte, another member's subsidy, another household.
    expect(frozen()).toEqual(confirmedRows);
    expect(batchesNow()).toEqual(confirmedBatches);
    expect(await call('assistance.getEnrolment', { id: s.daSubsidy.id })).toEqual(daBefore);
    expect(db().prepare('SELECT * FROM enrolments WHERE id = ?').get(s.taoDibao.id)).toEqual(tao);
    expect(await rowsFor('dibao', '2026-06', s.taoDibao.id)).toEqual([['regular', '2026-06', 209000]]);
    expect(await rowsFor('disability-living-subsidy', '2026-06', s.daSubsidy.id)).toEqual([['regular', '2026-06', 10000]]);
  });

  test('a death in a month not yet confirmed: that month is still paid, the next is not, nothing to recover', async () => {
    const s = await street();
    await at('2026-06-03T02:00:00Z');
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-06-02', note: '家属持死亡证明办理' });
    expect(await rowsFor('tekun-home', '2026-06', s.tekun.id)).toEqual([['regular', '2026-06', 187000]]);
    // July pays nothing: its batch only settles June, still unconfirmed and still due.
    expect(await rowsFor('tekun-home', '2026-07', s.tekun.id)).toEqual([['supplement', '2026-06', 187000]]);
    const [yan] = await call('assistance.entitlementsEnded', {});
    expect(yan).toMatchObject({ name: '严老', recoveries: [], recoverTotalFen: 0, enrolments: [{ change: 'exited', stopMonth: '2026-07' }] });
  });

  test('what a death ended is found by its code, not its words: a user\'s item, agreement or card in the same words is not taken for it', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    // Before the death is recorded, a caseworker writes on 严老 in the words the death's own records use.
    const mine = await call('ledger.create', {
      source: 'department', householdId: s.yan.id, personId: s.yanId, category: 'living', urgency: '2',
      description: '死亡后复核：家属反映严老病重，请核实后续照料安排',
    });
    await call('care.terminateAgreement', { id: s.agreement.id, date: '2026-05-20', reason: '死亡' });
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-05-20', note: '殡葬火化记录' });
    const [yan] = await call('assistance.entitlementsEnded', {});
    // 严老 lived alone: the death opens no re-assessment, and the agreement was ended by a person, not the death.
    expect(yan).toMatchObject({ name: '严老', reviewItemNo: null, reviewItemId: null, agreements: [], cards: [{ id: s.card.id }] });
    expect(mine.itemNo).toMatch(/^WT-/);
  });

  test('rows a death wrote before the codes existed are given them by the migration; a person\'s item in the same words is not', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    const mine = await call('ledger.create', {
      source: 'department', householdId: s.jin.id, personId: s.jinEr.id, category: 'living', urgency: '2',
      description: '死亡后复核：金二家属来电，请核实',
    });
    await call('registry.recordDeath', { personId: s.jinEr.id, diedOn: '2026-04-10' });
    await call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28' });
    const before = await call('assistance.entitlementsEnded', {});
    expect(before.map((e) => [e.name, e.agreements.length, e.cards.length, e.reviewItemNo !== null])).toEqual([
      ['严老', 1, 1, false],
      ['金二', 0, 0, true],
    ]);
    // As an older version left them: the words only.
    db().exec('UPDATE ledger_items SET origin = NULL; UPDATE care_agreements SET termination_code = NULL; UPDATE care_cards SET end_code = NULL');
    const file = fs.readdirSync(MIGRATIONS).find((f) => f.endsWith('_gap_indexes_death_codes.sql'))!;
    const statements = fs.readFileSync(path.join(MIGRATIONS, file), 'utf8').split('--> statement-breakpoint');
    for (const sql of statements.filter((x) => /^\s*(--.*\n)*\s*UPDATE/.test(x))) db().exec(sql);
    expect(await call('assistance.entitlementsEnded', {})).toEqual(before);
    expect(db().prepare('SELECT origin FROM ledger_items WHERE id = ?').get(mine.id)).toEqual({ origin: null });
  });

  test('a date of death in the future or before the birth is refused in Chinese naming the field; nothing written', async () => {
    const s = await street();
    await at('2026-05-20T02:00:00Z');
    const before = changeCount();
    const future = await raw('registry.recordDeath', { personId: s.yanId, diedOn: '2026-05-21' });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'diedOn' } });
    expect(JSON.stringify(future)).toContain('死亡日期不能晚于今天');
    expect(changeCount()).toBe(before);
    const child = (await household([{ name: '严小', relation: '02', birth: '20150601' }])).members[0]!.id;
    const afterChild = changeCount();
    const unborn = await raw('registry.recordDeath', { personId: child, diedOn: '2015-05-31' });
    expect(unborn).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'diedOn' } });
    expect(JSON.stringify(unborn)).toContain('死亡日期不能早于出生日期（2015-06-01）');
    expect(changeCount()).toBe(afterChild);
    expect(await call('assistance.entitlementsEnded', {})).toEqual([]);
  });
});
