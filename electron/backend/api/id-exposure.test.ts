/**
 * Full ID numbers (issue 13, item 8): every procedure that reads is called on the demo street (plus
 * a supported person with a card and agreement, a 低保 enrolment, a ledger item and a temporary
 * assistance case), and no full ID number may appear in what it returns, except the detail views and
 * exports that need them, each of which must leave an audit event naming the user, the persons
 * (for a view) and the purpose. Every procedure of the contract must be listed here as a read or a write.
 */
import { cardCode } from '../../../shared/care/card-code';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROCEDURES, type ProcedureName } from '../../../shared/api/contract';
import { makeIdNumber, parseIdNumber } from '../../../shared/id-number';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { addDays } from '../../../shared/time/calendar-days';
import { uuidv7 } from '../../../shared/uuid';
import { caller, prepareCards, setCareSubsidies } from '../../../tests/support/care-data';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/load';
import { makeHarness, type Harness } from '../testing/harness';

interface Seed {
  clueId: string;
  today: string;
  month: string;
  householdId: string;
  personId: string;
  gridId: string;
  enrolmentId: string;
  ledgerId: string;
  agreementId: string;
  cardIds: string[];
  cardCode: string;
  careyPersonId: string;
  guardedPersonId: string;
  /** The month's 低保 batch, confirmed. */
  batchId: string;
  /** Last month's report, submitted (报送). */
  submissionId: string;
  /** An open 留守儿童 record. */
  leftBehindId: string;
}

type Input = (s: Seed) => unknown;

/** Reads that must never return a full ID number. */
const LISTS: Partial<Record<ProcedureName, Input>> = {
  'setup.status': () => ({}),
  'database.status': () => ({}),
  'backup.list': () => ({}),
  'app.clock': () => ({}),
  'auth.me': () => ({}),
  'auth.session': () => ({}),
  'users.list': () => ({}),
  'org.listStreets': () => ({}),
  'org.listCommunities': () => ({}),
  'org.listGrids': () => ({}),
  'registry.listHouseholds': () => ({ pageSize: 200 }),
  'registry.search': () => ({ q: '1201', limit: 50 }),
  'registry.importTemplate': () => ({}),
  'warnings.importTemplate': () => ({ source: 'medical' }),
  'warnings.listImports': () => ({}),
  'audit.list': () => ({ pageSize: 200 }),
  'screening.listVisits': () => ({ pageSize: 200 }),
  'screening.dueList': () => ({ list: 'overdue', pageSize: 2000 }),
  'screening.coverage': (s) => ({ period: 'month', date: s.today }),
  'screening.policy': () => ({}),
  'screening.visitSheet': (s) => ({ gridId: s.gridId }),
  'ledger.list': () => ({}),
  'ledger.get': (s) => ({ id: s.ledgerId }),
  'household.file': (s) => ({ id: s.householdId }),
  'ledger.escalations': () => ({}),
  'ledger.lookBack': (s) => ({ from: '2020-01-01', to: s.today }),
  'ledger.printList': () => ({}),
  'ledger.watchList': () => ({}),
  'ledger.clueList': () => ({}),
  'policy.listParams': () => ({}),
  'assistance.listEnrolments': () => ({}),
  'assistance.getEnrolment': (s) => ({ id: s.enrolmentId }),
  'assistance.paymentList': (s) => ({ programme: 'dibao', month: s.month }),
  'assistance.entitlementGaps': () => ({}),
  'assistance.entitlementsEnded': () => ({}),
  'assistance.gapList': () => ({}),
  'assistance.reviewsDue': () => ({ state: 'all' }),
  'assistance.temporaryPayments': (s) => ({ fromMonth: s.month, toMonth: s.month }),
  'assistance.oneTruthReport': () => ({}),
  'batches.list': () => ({}),
  'batches.forMonth': (s) => ({ programme: 'dibao', month: s.month }),
  'batches.get': (s) => ({ id: s.batchId }),
  'assistance.suspensionReview': () => ({}),
  'assistance.listTemporary': () => ({}),
  'reports.submissions': () => ({}),
  'reports.submission': (s) => ({ id: s.submissionId }),
  'reports.circulars': () => ({}),
  'sync.status': () => ({}),
  'sync.history': () => ({}),
  'sync.rejections': () => ({}),
  'care.board': () => ({}),
  'care.getPerson': (s) => ({ personId: s.guardedPersonId }),
  'care.cardPrintData': (s) => ({ ids: s.cardIds }),
  'care.cardByCode': (s) => ({ code: s.cardCode }),
  'care.listCaregivers': () => ({}),
  'care.renewalsDue': () => ({}),
  'care.listCards': () => ({}),
  'reports.monthly': (s) => ({ month: s.month }),
  // The monthly report's figures are counts and sums: no person in them.
  'reports.exportMonthly': (s) => ({ month: s.month }),
  'reports.trend': () => ({ months: 6 }),
  'home.workbench': () => ({}),
  // a warning names the person and shows the trigger's figures, never the ID number
  'warnings.inbox': () => ({ status: 'all' }),
  'leftBehind.list': () => ({ filter: 'all' }),
  'leftBehind.get': (s) => ({ id: s.leftBehindId }),
};

/** Detail views and exports that carry full ID numbers: the audit action each must write. */
const FULL_ID_READS: Partial<Record<ProcedureName, { input: Input; action: string; personIds?: (s: Seed) => string[] }>> = {
  'registry.getHousehold': { input: (s) => ({ id: s.householdId }), action: 'registry.viewHousehold', personIds: (s) => [s.personId] },
  'care.agreementPrintData': { input: (s) => ({ id: s.agreementId }), action: 'care.viewAgreementPrint', personIds: (s) => [s.careyPersonId] },
  'registry.exportHouseholds': { input: () => ({}), action: 'registry.export' },
  'ledger.export': { input: () => ({}), action: 'ledger.export' },
  'ledger.clueGet': { input: (s) => ({ id: s.clueId }), action: 'ledger.viewClue' },
  'assistance.exportPaymentList': { input: (s) => ({ programme: 'dibao', month: s.month }), action: 'assistance.exportPaymentList' },
  'assistance.exportGaps': { input: () => ({}), action: 'assistance.exportGaps' },
  'assistance.exportTemporaryPayments': { input: (s) => ({ fromMonth: s.month, toMonth: s.month }), action: 'assistance.exportTemporaryPayments' },
  'batches.exportBankFile': { input: (s) => ({ id: s.batchId }), action: 'batches.exportBankFile' },
  'batches.exportRoster': { input: (s) => ({ id: s.batchId }), action: 'batches.exportRoster' },
};

/** Writes and actions: not called here (their refusals and effects are tested in their areas). */
const WRITES: ProcedureName[] = [
  'setup.initialize', 'setup.loadDemo', 'auth.login', 'auth.logout', 'auth.changePassword', 'users.create', 'users.update',
  'org.saveCommunity', 'org.saveGrid',
  'registry.createHousehold', 'registry.updateHousehold', 'registry.deleteHousehold', 'registry.addPerson',
  'registry.updatePerson', 'registry.movePerson', 'registry.deletePerson', 'registry.recordDeath', 'registry.correctDeath', 'registry.withdrawDeath', 'registry.importPreview', 'registry.importCommit',
  'warnings.importPreview', 'warnings.importCommit',
  'screening.recordVisit', 'screening.recordRound', 'screening.setPolicy',
  'ledger.create', 'ledger.transition', 'ledger.correct', 'household.recordPrint', 'ledger.referralReceipt', 'ledger.referralReply', 'ledger.watchAdd',
  'ledger.watchPromote', 'ledger.watchEnd', 'ledger.clueConvert', 'ledger.clueDismiss',
  'policy.setParam',
  'assistance.apply', 'assistance.investigate', 'assistance.advance', 'assistance.previewIncomeRise', 'assistance.confirmImport',
  'assistance.recordIncomeRise', 'assistance.previewReview', 'assistance.recordReview', 'assistance.receiveTemporary', 'assistance.decideTemporary',
  'batches.generate', 'batches.confirm', 'batches.markPaid',
  'assistance.previewInvestigation', 'assistance.accountingSheet', 'assistance.recordTemporaryPapers',
  'sync.enroll', 'sync.syncNow', 'sync.resolveRejection', 'sync.exportBundle', 'sync.importBundle',
  'care.saveProfile', 'care.recordTransfer', 'care.saveCaregiver', 'care.createAgreement', 'care.updateAgreement',
  'care.signAgreement', 'care.terminateAgreement', 'care.issueCard', 'care.reissueCard', 'care.cancelCard',
  'care.recordVisit', 'care.savePlan', 'care.recordPrint',
  'leftBehind.open', 'leftBehind.update', 'leftBehind.close',
  'database.recoveryKey', 'database.unlock',
  'backup.setFolder', 'backup.create', 'backup.previewRestore', 'backup.restore', 'setup.restoreBackup',
  'reports.submit', 'reports.saveCircular', 'reports.publishCircular',
  // district-only reads of submitted aggregates (no person data); a street user is refused them (report-submissions.test.ts)
  'reports.compare', 'reports.ranking', 'reports.circularDraft', 'reports.districtCirculars', 'reports.circular',
  'warnings.dispose',
  // district-only counts per street (no person data); a street user is refused them (warnings.test.ts)
  'warnings.districtRates',
];

/** Every 18-character run that is a valid ID number (checksum and all), wherever it stands. */
function fullIdsIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/\d{17}[\dX]/g)].map((m) => m[0]).filter((s) => parseIdNumber(s).ok);
}

let h: Harness;
let token: string;
let seed: Seed;
let userId: string;

beforeAll(async () => {
  h = await makeHarness({ setUp: false });
  await h.call('setup.loadDemo', {}, null);
  const admin = DEMO_USERS.find((u) => u.role === 'street-admin')!;
  const s = await h.call('auth.login', { username: admin.username, password: DEMO_PASSWORD }, null);
  token = s.token;
  userId = s.user.id;
  const call = caller(h.backend, token);
  setCareSubsidies(h.backend, s.street.code);
  const cards = await prepareCards(call, 2);
  // A draft agreement with a guardian (丙方) and the guardian's ID number: agreements in lists and in
  // the person's care record must not carry it in full.
  const communityId = (await call<{ id: string }[]>('org.listCommunities', {}))[0]!.id;
  const guarded = await call<{ members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里99号楼1门101', hukouType: 'urban', categories: ['tekun-home'] },
    members: [{ name: '吴桂兰', idNumber: makeIdNumber('120110', '19380212', 623), relation: '02' }],
  });
  const guardedPersonId = guarded.members[0]!.id;
  await call('care.saveProfile', {
    personId: guardedPersonId,
    selfCareMet: { eating: true, dressing: true, bed: true, toileting: true, walking: false, bathing: false },
    assessedDate: shanghaiDate(h.backend.store.nowDate()),
  });
  const g = await call<{ id: string }>('care.saveCaregiver', {
    caregiver: { name: '郑照料', idNumber: makeIdNumber('120110', '19660708', 731), relation: 'neighbour', phone: '13820007777', address: '詹滨西里2号楼' },
  });
  await call('care.createAgreement', {
    personId: guardedPersonId,
    caregiverId: g.id,
    startDate: shanghaiDate(h.backend.store.nowDate()),
    services: ['daily-watch'],
    guardian: { name: '周建国', idNumber: makeIdNumber('120110', '19700305', 517), relation: '侄子', phone: '13900002222' },
  });
  // A 留守儿童 record (its list and detail carry no ID number).
  const lbDay = shanghaiDate(h.backend.store.nowDate());
  const lbHousehold = await call<{ members: { id: string }[] }>('registry.createHousehold', {
    household: { communityId, address: '詹滨西里99号楼1门102', hukouType: 'rural', categories: ['left-behind-child'] },
    members: [
      { name: '吴桂芝', idNumber: makeIdNumber('120110', '19560311', 624), relation: '02' },
      { name: '吴小雨', idNumber: makeIdNumber('120110', `${Number(lbDay.slice(0, 4)) - 9}0520`, 412), relation: '40' },
    ],
  });
  const leftBehind = await call<{ id: string }>('leftBehind.open', {
    personId: lbHousehold.members[1]!.id, kind: 'child', openedOn: lbDay, reason: 'both-parents-away',
    away: [{ name: '吴建军', relation: 'father', whereabouts: '北京市', since: addDays(lbDay, -400) }, { name: '刘红', relation: 'mother', whereabouts: '北京市', since: addDays(lbDay, -400) }],
    guardianName: '吴桂芝', guardianRelation: '祖母', guardianPhone: '13820004444', school: '东丽区第一小学',
  });
  const today = shanghaiDate(h.backend.store.nowDate());
  const db = h.backend.store.sqlite;
  const household = db
    .prepare("SELECT h.id, p.id AS personId, h.grid_id AS gridId FROM households h JOIN persons p ON p.household_id = h.id WHERE h.grid_id IS NOT NULL AND h.deleted_at IS NULL LIMIT 1")
    .get() as { id: string; personId: string; gridId: string };
  const e = await call<{ id: string }>('assistance.apply', { programme: 'dibao', householdId: household.id, note: '本人申请' });
  // The 入户调查 by the demo caseworker (街道审核 must be someone else's), a 公示 already over, and the
  // district's approval recorded at the street.
  const caseworker = DEMO_USERS.find((u) => u.role === 'caseworker')!;
  const cw = await h.call('auth.login', { username: caseworker.username, password: DEMO_PASSWORD }, null);
  await caller(h.backend, cw.token)('assistance.investigate', { id: e.id, note: '入户核实' });
  await call('assistance.advance', { id: e.id, step: 'street-review', note: '同意' });
  await call('assistance.advance', { id: e.id, step: 'publish', publicFrom: addDays(today, -9), publicTo: addDays(today, -3) });
  await call('assistance.advance', {
    id: e.id,
    step: 'approve',
    month: today.slice(0, 7),
    note: '区民政局批准',
    districtDocNo: '东民救批〔2026〕1号',
    districtApprovedOn: addDays(today, -1),
    overrideReason: '测试数据',
  });
  const temp = await call<{ id: string }>('assistance.receiveTemporary', { householdId: household.id, type: 'urgent', reason: '突发火灾', amountFen: 100000 });
  // Paid, so that the 临时救助 payment list has a row to show masked.
  await call('assistance.decideTemporary', { id: temp.id, action: 'approve', note: '同意' });
  await call('assistance.decideTemporary', { id: temp.id, action: 'pay' });
  const item = await call<{ id: string }>('ledger.create', {
    householdId: household.id,
    personId: household.personId,
    source: 'visit',
    category: 'living',
    urgency: '2',
    description: '家中无人照料',
  });
  // A 待登记线索 as the district server writes it into the street's partition (the PC receives it by sync).
  const clueId = uuidv7();
  h.backend.store.insert(
    'ledger_clue_inbox',
    {
      id: clueId, streetCode: s.street.code, itemNo: 'XS-20260101-001', externalId: 'WG-1', source: 'grid', sender: '网格系统',
      name: '冯大爷', idNumber: makeIdNumber('120110', '19450607', 83), phone: '13900003333', address: '詹滨西里98号',
      communityName: null, communityId: null, category: 'living', urgency: '2', description: '独居，家中漏雨',
      receivedAt: h.backend.store.nowIso(), dueAt: null, status: 'pending',
    },
    { userId: null, username: '网格系统', streetCode: s.street.code },
    null,
  );
  const batch = await call<{ id: string }>('batches.generate', { programme: 'dibao', month: today.slice(0, 7) });
  await call('batches.confirm', { id: batch.id });
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const submission = await call<{ id: string }>('reports.submit', { month: lastMonth });
  seed = {
    leftBehindId: leftBehind.id,
    submissionId: submission.id,
    batchId: batch.id,
    clueId,
    today,
    month: today.slice(0, 7),
    householdId: household.id,
    personId: household.personId,
    gridId: household.gridId,
    enrolmentId: e.id,
    ledgerId: item.id,
    agreementId: cards[0]!.agreementId,
    cardIds: [cards[0]!.cardId],
    cardCode: cardCode(cards[0]!.cardNumber),
    careyPersonId: cards[0]!.personId,
    guardedPersonId,
  };
}, 240_000);
afterAll(() => h?.close());

function auditSince(mark: number, action: string) {
  return h.backend.store.sqlite
    .prepare('SELECT user_id AS userId, summary, detail FROM audit_events WHERE action = ? AND rowid > ? ORDER BY rowid')
    .all(action, mark) as { userId: string; summary: string; detail: string | null }[];
}
/** By insertion order: ids (UUIDv7) made in the same millisecond do not sort by creation. */
function lastAuditId(): number {
  return (h.backend.store.sqlite.prepare('SELECT max(rowid) AS id FROM audit_events').get() as { id: number }).id;
}

describe('full ID numbers', () => {
  test('every procedure of the contract is listed here as a list, a full-ID read or a write', () => {
    const listed = new Set([...Object.keys(LISTS), ...Object.keys(FULL_ID_READS), ...WRITES]);
    expect(PROCEDURES.filter((p) => !listed.has(p))).toEqual([]);
  });

  test('no list or read other than the audited views and exports returns a full ID number', async () => {
    const leaks: Record<string, number> = {};
    for (const [procedure, input] of Object.entries(LISTS)) {
      const env = await h.raw(procedure, input(seed), token);
      expect(env, procedure).toMatchObject({ ok: true });
      if (env.ok) {
        const found = fullIdsIn(env.result);
        if (found.length > 0) leaks[procedure] = found.length;
      }
    }
    expect(leaks).toEqual({});
  });

  test('the demo street has entitlement gaps to list, and they come masked', async () => {
    const gaps = await h.call('assistance.entitlementGaps', {}, token);
    expect(gaps.length).toBeGreaterThan(100);
    for (const g of gaps) expect(g.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  test('each detail view and export that shows full ID numbers writes an audit event naming the user, the persons and the purpose', async () => {
    for (const [procedure, spec] of Object.entries(FULL_ID_READS)) {
      const mark = lastAuditId();
      const env = await h.raw(procedure, spec.input(seed), token);
      expect(env, procedure).toMatchObject({ ok: true });
      const events = auditSince(mark, spec.action);
      expect(events, `${procedure} → ${spec.action}`).toHaveLength(1);
      expect(events[0]!.userId).toBe(userId);
      expect(events[0]!.summary.length).toBeGreaterThan(0);
      if (spec.personIds) {
        const detail = JSON.parse(events[0]!.detail ?? '{}') as { personIds?: string[] };
        for (const id of spec.personIds(seed)) expect(detail.personIds, procedure).toContain(id);
      }
    }
  });
});
