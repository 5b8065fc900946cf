/**
 * The seeded street of the API fuzz test and a valid input per procedure of the contract (the
 * starting point of its near-valid mutations). A procedure without a sample starts from `{}`; the
 * fuzz test fails for one whose schema refuses `{}`, so a new procedure cannot go unfuzzed.
 */
import os from 'node:os';
import path from 'node:path';
import { makeIdNumber } from '../../../shared/id-number';
import type { ProcedureName } from '../../../shared/api/contract';
import type { Harness } from '../testing/harness';

export interface Seeded {
  communityId: string;
  gridId: string;
  householdId: string;
  household2Id: string;
  headId: string;
  childId: string;
  itemId: string;
  watchId: string;
  enrolmentId: string;
  temporaryId: string;
  caregiverId: string;
  agreementId: string;
  cardId: string;
  caseworkerId: string;
}

/** An id no row has: a procedure given it answers not-found. */
export const NO_SUCH_ID = '0190a000-0000-7000-8000-000000000000';

/** Seeds one street with a row of each kind the procedures act on; a step that fails leaves NO_SUCH_ID. */
export async function seedStreet(h: Harness): Promise<Seeded> {
  const s: Seeded = {
    communityId: NO_SUCH_ID,
    gridId: NO_SUCH_ID,
    householdId: NO_SUCH_ID,
    household2Id: NO_SUCH_ID,
    headId: NO_SUCH_ID,
    childId: NO_SUCH_ID,
    itemId: NO_SUCH_ID,
    watchId: NO_SUCH_ID,
    enrolmentId: NO_SUCH_ID,
    temporaryId: NO_SUCH_ID,
    caregiverId: NO_SUCH_ID,
    agreementId: NO_SUCH_ID,
    cardId: NO_SUCH_ID,
    caseworkerId: NO_SUCH_ID,
  };
  const step = async (f: () => Promise<void>) => {
    try {
      await f();
    } catch {
      // Left as NO_SUCH_ID: the procedures still get fuzzed, only less deeply.
    }
  };
  s.communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  s.gridId = (await h.call('org.saveGrid', { communityId: s.communityId, name: '第一网格', workerName: '刘网格' })).id;
  for (const [key, value] of [
    ['tekun.care.full', 30000],
    ['tekun.care.partial', 60000],
    ['tekun.care.none', 90000],
    ['dibao.employmentReward', 30000],
  ] as const) {
    await step(async () => void (await h.call('policy.setParam', { key, value, effectiveFrom: '2020-06-12', retroactiveReason: '测试数据' })));
  }
  const d = await h.call('registry.createHousehold', {
    household: { communityId: s.communityId, gridId: s.gridId, address: '詹滨西里1号', hukouType: 'urban', categories: ['severe-disabled'] },
    members: [
      { name: '张大爷', idNumber: makeIdNumber('120110', '19450310', 11), relation: '02', health: 'serious' },
      { name: '张小', idNumber: makeIdNumber('120110', '20120301', 12), relation: '20' },
    ],
  });
  s.householdId = d.id;
  s.headId = d.members[0]!.id;
  s.childId = d.members[1]!.id;
  s.household2Id = (
    await h.call('registry.createHousehold', {
      household: { communityId: s.communityId, address: '詹滨西里2号', hukouType: 'rural' },
      members: [{ name: '李大娘', idNumber: makeIdNumber('120110', '19500101', 14), relation: '02' }],
    })
  ).id;
  await step(async () => {
    s.itemId = (await h.call('ledger.create', { source: 'hotline', householdId: s.householdId, category: 'medical', urgency: '2', description: '住院' })).id;
  });
  await step(async () => {
    s.watchId = (await h.call('ledger.watchAdd', { householdId: s.household2Id, reason: '独居' }))[0]!.id;
  });
  await step(async () => {
    s.enrolmentId = (await h.call('assistance.apply', { programme: 'dibao', householdId: s.householdId })).id;
  });
  await step(async () => {
    s.temporaryId = (await h.call('assistance.receiveTemporary', { householdId: s.householdId, type: 'urgent', reason: '突发疾病', amountFen: 100000 })).id;
  });
  await step(async () => {
    s.caregiverId = (
      await h.call('care.saveCaregiver', {
        caregiver: { name: '李照料', idNumber: makeIdNumber('120110', '19700101', 13), relation: 'relative', phone: '13820005678' },
      })
    ).id;
  });
  await step(async () => {
    const met = { eating: true, dressing: true, bed: true, toileting: true, walking: false, bathing: false };
    await h.call('care.saveProfile', { personId: s.headId, selfCareMet: met, assessedDate: '2024-03-01' });
    s.agreementId = (
      await h.call('care.createAgreement', { personId: s.headId, caregiverId: s.caregiverId, hasPartyC: false, startDate: '2024-03-01', services: ['daily-watch'] })
    ).id;
    await h.call('care.signAgreement', { id: s.agreementId, signedDate: '2024-03-02' });
    s.cardId = (await h.call('care.issueCard', { personId: s.headId })).id;
  });
  await step(async () => {
    s.caseworkerId = (await h.call('users.create', { username: 'jingban', displayName: '赵经办', role: 'caseworker', password: 'case-pass-1' })).id;
  });
  return s;
}

const PROBLEM = { category: 'medical', urgency: '2', description: '生病' };
const MEMBER = { name: '王五', idNumber: makeIdNumber('120110', '19800101', 21), relation: '02' };
const HOUSEHOLD = (s: Seeded) => ({ communityId: s.communityId, address: '詹滨西里9号', hukouType: 'urban' });

/** A valid input per procedure (those taking no input may be left out). */
export function samples(s: Seeded): Partial<Record<ProcedureName, unknown>> {
  return {
    'setup.status': {},
    'setup.initialize': { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '办公室', admin: { username: 'admin2', displayName: '王二', password: 'admin-pass-2' } },
    'setup.loadDemo': {},
    'auth.login': { username: 'jingban', password: 'case-pass-1' },
    'auth.logout': {},
    'auth.me': {},
    'auth.session': {},
    'auth.changePassword': { oldPassword: 'wrong-pass-0', newPassword: 'admin-pass-9' },
    'users.list': {},
    'users.create': { username: 'zhang3', displayName: '张三', role: 'caseworker', password: 'case-pass-3', phone: '13820001111' },
    'users.update': { id: s.caseworkerId, displayName: '赵二', role: 'supervisor' },
    'org.listStreets': {},
    'org.listCommunities': {},
    'org.listGrids': { communityId: s.communityId },
    'org.saveCommunity': { name: '新社区', kind: 'community', contactName: '孙', contactPhone: '13820002222' },
    'org.saveGrid': { communityId: s.communityId, name: '第二网格', workerName: '陈网格' },
    'registry.listHouseholds': { communityId: s.communityId, q: '詹滨', page: 1, pageSize: 20 },
    'registry.search': { q: '张', limit: 5 },
    'registry.getHousehold': { id: s.householdId },
    'registry.createHousehold': { household: HOUSEHOLD(s), members: [MEMBER] },
    'registry.updateHousehold': { id: s.household2Id, patch: { address: '詹滨西里3号', notes: '第一行\n第二行' } },
    'registry.deleteHousehold': { id: s.household2Id, reason: '迁出' },
    'registry.addPerson': { householdId: s.householdId, person: { ...MEMBER, relation: '20', idNumber: makeIdNumber('120110', '20100101', 22) } },
    'registry.updatePerson': { id: s.childId, patch: { name: '张小二', notes: '备注' } },
    'registry.movePerson': { id: s.childId, toHouseholdId: s.household2Id, relation: '20' },
    'registry.deletePerson': { id: s.childId, reason: '死亡' },
    'registry.recordDeath': { personId: s.childId, diedOn: '2024-03-01', note: '病故' },
    'registry.correctDeath': { personId: s.childId, diedOn: '2024-02-28', reason: '死亡医学证明日期为2月28日' },
    'registry.withdrawDeath': { personId: s.childId, reason: '同名误登记，身份证号不符' },
    'registry.exportHouseholds': { communityId: s.communityId },
    'registry.importTemplate': {},
    'registry.importPreview': { fileName: '名单.xlsx', base64: 'UEsDBAoAAAAAAA==' },
    'registry.importCommit': { importId: NO_SUCH_ID },
    'warnings.importTemplate': { source: 'disability' },
    'warnings.importPreview': {
      source: 'medical',
      fileName: '医保.csv',
      base64: Buffer.from('姓名,身份证号码,费用年月,医疗总费用（元）,个人自付费用（元）\n').toString('base64'),
      periodStartOn: '2024-02-01',
      periodEndOn: '2024-02-29',
    },
    'warnings.importCommit': { previewId: NO_SUCH_ID },
    'warnings.listImports': { source: 'death' },
    'audit.list': { entity: 'households', page: 1, pageSize: 10 },
    'screening.recordVisit': { householdId: s.householdId, visitedOn: '2024-03-05', method: 'home', visitorName: '刘网格', note: '正常', problems: [PROBLEM] },
    'screening.recordRound': { gridId: s.gridId, visitedOn: '2024-03-05', method: 'home', visitorName: '刘网格', householdIds: [s.householdId], exceptions: [] },
    'screening.listVisits': { householdId: s.householdId, from: '2024-01-01', to: '2024-03-06' },
    'screening.dueList': { list: 'week', gridId: s.gridId },
    'screening.coverage': { period: 'month', date: '2024-03-06' },
    'screening.policy': {},
    'screening.setPolicy': { key: 'calendar.holidays', value: { holidays: ['2024-10-01'], workdays: [] }, effectiveFrom: '2024-04-01', note: '节假日' },
    'screening.visitSheet': { gridId: s.gridId },
    'ledger.create': { source: 'hotline', householdId: s.householdId, category: 'living', urgency: '2', description: '缺衣', dueAt: '2024-03-09T18:00:00+08:00' },
    'ledger.list': { status: 'open', q: '张', page: 1 },
    'ledger.get': { id: s.itemId },
    'ledger.transition': { id: s.itemId, action: 'start-verify', note: '核查' },
    'household.file': { id: s.householdId },
    'household.recordPrint': { id: s.householdId, mode: 'print' },
    'ledger.correct': { id: s.itemId, category: 'living', reason: '类别登记有误' },
    'ledger.referralReceipt': { referralId: NO_SUCH_ID, receivedOn: '2024-03-05' },
    'ledger.referralReply': { referralId: NO_SUCH_ID, repliedOn: '2024-03-05', reply: '已办' },
    'ledger.escalations': {},
    'ledger.lookBack': { from: '2024-01-01', to: '2024-03-06', samplePercent: 50 },
    'ledger.export': { status: 'open' },
    'ledger.printList': { status: 'open' },
    'ledger.watchList': { status: 'watching' },
    'ledger.watchAdd': { householdId: s.householdId, personId: s.headId, reason: '独居老人' },
    'ledger.watchPromote': { id: s.watchId, ...PROBLEM },
    'ledger.watchEnd': { id: s.watchId, reason: '已好转' },
    'ledger.clueList': { status: 'pending' },
    'ledger.clueGet': { id: NO_SUCH_ID },
    'ledger.clueConvert': { id: NO_SUCH_ID, personId: s.headId },
    'ledger.clueDismiss': { id: NO_SUCH_ID, reason: '重复' },
    'policy.listParams': {},
    'policy.setParam': { key: 'dibao.standard', value: 110000, effectiveFrom: '2024-07-01', note: '调标' },
    'assistance.listEnrolments': { programme: 'dibao' },
    'assistance.getEnrolment': { id: s.enrolmentId },
    'assistance.apply': { programme: 'tekun-home', householdId: s.householdId, personId: s.headId, note: '申请' },
    'assistance.investigate': { id: s.enrolmentId, coveredPersons: 2, note: '已调查' },
    'assistance.advance': { id: s.enrolmentId, step: 'street-review', note: '同意' },
    'assistance.previewInvestigation': { id: s.enrolmentId, coveredPersons: 2, workingAwayPersonIds: [s.headId] },
    'assistance.accountingSheet': { id: s.enrolmentId, mode: 'pdf' },
    'assistance.previewIncomeRise': { id: s.enrolmentId, reportMonth: '2024-03', riseFromEmployment: true, selfReported: true },
    'assistance.recordIncomeRise': { id: s.enrolmentId, reportMonth: '2024-03', riseFromEmployment: true, selfReported: true },
    'assistance.paymentList': { programme: 'dibao', month: '2024-03' },
    'assistance.exportPaymentList': { programme: 'dibao', month: '2024-03' },
    'assistance.entitlementGaps': { onDate: '2024-03-06' },
    'assistance.gapList': { onDate: '2024-03-06', problem: 'missing', communityId: s.communityId },
    'assistance.exportGaps': { onDate: '2024-03-06', problem: 'missing', communityId: s.communityId },
    'assistance.temporaryPayments': { fromMonth: '2024-01', toMonth: '2024-03', type: 'urgent', communityId: s.communityId },
    'assistance.exportTemporaryPayments': { fromMonth: '2024-01', toMonth: '2024-03', type: 'urgent', communityId: s.communityId },
    'assistance.oneTruthReport': {},
    'assistance.reviewsDue': { state: 'overdue', programme: 'dibao', communityId: s.communityId },
    'assistance.previewReview': { id: s.enrolmentId, reviewedOn: '2024-03-06', riseFromEmployment: false, selfReported: false },
    'assistance.recordReview': { id: s.enrolmentId, reviewedOn: '2024-03-06', outcome: 'continue', note: '复审' },
    'assistance.confirmImport': { id: s.enrolmentId, note: '已核对' },
    'batches.list': { programme: 'dibao', status: 'pending' },
    'batches.generate': { programme: 'dibao', month: '2024-03' },
    'batches.forMonth': { programme: 'dibao', month: '2024-03' },
    'batches.get': { id: NO_SUCH_ID },
    'batches.confirm': { id: NO_SUCH_ID },
    'batches.markPaid': { id: NO_SUCH_ID },
    'batches.exportBankFile': { id: NO_SUCH_ID },
    'batches.exportRoster': { id: NO_SUCH_ID },
    'reports.submit': { month: '2024-03', reason: '更正走访记录' },
    'reports.submissions': { month: '2024-03' },
    'reports.submission': { id: NO_SUCH_ID },
    'reports.compare': { month: '2024-03' },
    'reports.ranking': { month: '2024-03' },
    'reports.circularDraft': { month: '2024-03' },
    'reports.saveCircular': { month: '2024-03', title: '关于2024年3月调度情况的通报', docNumber: '东丽民通〔2024〕1号', body: '各街道办事处：', streetCodes: ['120110001000'] },
    'reports.publishCircular': { id: NO_SUCH_ID },
    'reports.districtCirculars': { month: '2024-03' },
    'reports.circular': { id: NO_SUCH_ID },
    'warnings.inbox': { status: 'open', rule: 'medical-month', overdueOnly: true, communityId: s.communityId, search: '张', page: 1 },
    'warnings.dispose': { warningIds: [NO_SUCH_ID], disposition: 'verified-no-need', reason: '已核实，生活无困难' },
    'warnings.districtRates': {},
    'assistance.suspensionReview': { onDate: '2024-03-06' },
    'assistance.listTemporary': { openOnly: true, type: 'urgent' },
    'assistance.receiveTemporary': { householdId: s.householdId, type: 'expenditure', reason: '医疗支出', amountFen: 50000 },
    'assistance.decideTemporary': { id: s.temporaryId, action: 'approve', note: '同意', papersOwed: ['id-proof', 'other'], papersOther: '村委会证明' },
    'assistance.recordTemporaryPapers': { id: s.temporaryId, received: ['id-proof'], note: '已补交' },
    'sync.status': {},
    'database.status': {},
    'database.recoveryKey': { password: 'wrong-pass-0' },
    'database.unlock': { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000' },
    'sync.enroll': { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-1234' },
    'sync.syncNow': {},
    'sync.history': {},
    'sync.rejections': {},
    'sync.resolveRejection': { hlc: '0000000000000-0000-node', action: 'take-server' },
    'sync.exportBundle': {},
    'sync.importBundle': { fileName: '同步应答.doudi', base64: 'RE9VREktU1lOQy1CVU5ETEUgMQp7fQo=' },
    'care.board': { communityId: s.communityId, gapsOnly: false },
    'care.getPerson': { personId: s.headId },
    'care.saveProfile': { personId: s.headId, selfCareMet: { eating: true, dressing: true, bed: true, toileting: true, walking: true, bathing: false }, assessedDate: '2024-03-04', health: '高血压' },
    'care.recordTransfer': { personId: s.headId, date: '2024-03-05', institution: '东丽区社会福利院', reason: '失能' },
    'care.listCaregivers': { q: '李' },
    'care.saveCaregiver': { id: s.caregiverId, caregiver: { name: '李照料', idNumber: makeIdNumber('120110', '19700101', 13), relation: 'relative', phone: '13820005678', notes: '邻居' } },
    'care.createAgreement': { personId: s.headId, caregiverId: s.caregiverId, hasPartyC: false, startDate: '2024-03-05', services: ['daily-care'] },
    'care.updateAgreement': { id: s.agreementId, patch: { endDate: '2026-03-01' } },
    'care.signAgreement': { id: s.agreementId, signedDate: '2024-03-05' },
    'care.terminateAgreement': { id: s.agreementId, date: '2024-03-05', reason: '照料人搬走' },
    'care.renewalsDue': {},
    'care.issueCard': { personId: s.headId, streetContact: '王', streetPhone: '022-24391234' },
    'care.reissueCard': { cardId: s.cardId, reason: '遗失' },
    'care.cancelCard': { cardId: s.cardId, reason: '协议解除' },
    'care.listCards': { communityId: s.communityId, issuedFrom: '2024-01-01', issuedTo: '2024-03-06' },
    'care.recordVisit': { personId: s.headId, visitDate: '2024-03-05', visitorKind: 'street', visitorName: '王', services: ['visit'], content: '探访正常' },
    'care.savePlan': { personId: s.headId, contacts: [{ name: '张儿', phone: '13820003333' }], hospital: '东丽医院', hospitalPhone: '022-24390000' },
    'care.cardPrintData': { ids: [s.cardId] },
    'care.agreementPrintData': { id: s.agreementId },
    'care.cardByCode': { code: 'ZL-120110001000-2024-00-0001-7' },
    'care.recordPrint': { document: 'care-cards', ids: [s.cardId], mode: 'preview' },
    'leftBehind.list': { kind: 'child', communityId: s.communityId, filter: 'stale' },
    'leftBehind.get': { id: NO_SUCH_ID },
    'leftBehind.open': {
      personId: s.childId, kind: 'child', openedOn: '2024-03-05', reason: 'both-parents-away',
      away: [{ name: '张父', relation: 'father', whereabouts: '北京市', since: '2023-02-01' }, { name: '李母', relation: 'mother', whereabouts: '上海市', since: '2023-02-01' }],
      guardianName: '张奶奶', guardianRelation: '祖母', guardianPhone: '13820004444', school: '东丽小学',
    },
    'leftBehind.update': {
      id: NO_SUCH_ID, updatedOn: '2024-03-05', reason: 'spouse-away',
      away: [{ name: '张夫', relation: 'spouse', whereabouts: '北京市', since: '2023-02-01' }],
    },
    'leftBehind.close': { id: NO_SUCH_ID, closedOn: '2024-03-05', reason: 'returned', note: '父亲返乡' },
    'reports.monthly': { month: '2024-03' },
    'reports.exportMonthly': { month: '2024-03' },
    'reports.trend': { months: 6 },
    // backups: a folder that exists; a backup file that does not (restores are tested in backups.test.ts)
    'backup.setFolder': { folder: os.tmpdir() },
    'backup.previewRestore': { path: path.join(os.tmpdir(), 'doudi-no-such-backup.sqlite') },
    'backup.restore': { path: path.join(os.tmpdir(), 'doudi-no-such-backup.sqlite'), confirmed: true },
    'setup.restoreBackup': { path: path.join(os.tmpdir(), 'doudi-no-such-backup.sqlite') },
  };
}
