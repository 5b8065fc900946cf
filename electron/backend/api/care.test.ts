import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../../shared/id-number';
import { parseCardNumber } from '../../../shared/care/rules';
import { cardCode } from '../../../shared/care/card-code';
import { DEVICE_NO_META } from '../store/enrollment';
import { setParam, DISTRICT_PARTITION } from '../services/policy/params';
import { systemActor } from '../services/setup/street';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../../shared/care/default-template';

let h: Harness;
let now = new Date('2026-06-15T02:00:00Z');
let communityId: string;
let seq = 100;

const ALL_MET = { eating: true, dressing: true, bed: true, toileting: true, walking: true, bathing: true };
const SEMI = { ...ALL_MET, bathing: false, walking: false };

beforeEach(async () => {
  now = new Date('2026-06-15T02:00:00Z');
  token = undefined;
  h = await makeHarness({ now: () => now });
  communityId = (await c('org.listCommunities', {}))[0]!.id;
  const actor = systemActor(h.backend.store.getMeta('street_code')!);
  const base = { effectiveFrom: '2020-06-12', partition: DISTRICT_PARTITION, retroactiveReason: '测试数据' };
  setParam(h.backend.store, actor, { ...base, key: 'tekun.care.full', value: 30000 });
  setParam(h.backend.store, actor, { ...base, key: 'tekun.care.partial', value: 60000 });
  setParam(h.backend.store, actor, { ...base, key: 'tekun.care.none', value: 90000 });
});
afterEach(() => h.close());

let token: string | undefined;
type P = Parameters<Harness['call']>[0];
function c<Q extends P>(procedure: Q, input: Parameters<Harness['call']>[1] & object, t?: string) {
  return h.call(procedure as Q, input as never, t ?? token) as ReturnType<typeof h.call<Q>>;
}
/** Moves the clock and signs in again (sessions expire across the jump). */
async function travel(iso: string) {
  now = new Date(iso);
  token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null)).token;
}

function changeCount() {
  return (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

async function supportedPerson(name: string, categories: ('tekun-home' | 'dibao')[] = ['tekun-home']) {
  const d = await c('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: 'urban', categories },
    members: [{ name, idNumber: makeIdNumber('120110', '19450310', seq++), relation: '02' }],
  });
  return d.members[0]!.id;
}

async function caregiver(name = '李照料') {
  return c('care.saveCaregiver', {
    caregiver: { name, idNumber: makeIdNumber('120110', '19700101', seq++), relation: 'neighbour', phone: '13820005678', address: '詹滨西里1号' },
  });
}

async function assessed(personId: string, met = SEMI) {
  return c('care.saveProfile', { personId, selfCareMet: met, assessedDate: '2026-06-01', health: '高血压', risks: '独居', needs: '助浴' });
}

/** A person with all four in place on 2026-06-15. */
async function complete(name: string) {
  const personId = await supportedPerson(name);
  await assessed(personId);
  const g = await caregiver(`${name}的照料人`);
  const a = await c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-01-01', services: ['daily-watch', 'daily-care'] });
  await c('care.signAgreement', { id: a.id, signedDate: '2026-01-01' });
  const card = await c('care.issueCard', { personId, streetContact: '王民政', streetPhone: '022-24390000' });
  await c('care.recordVisit', {
    personId, visitDate: '2026-06-01', visitorKind: 'community', visitorName: '赵社区', services: ['visit'], content: '入户查看，照料到位',
  });
  await c('care.savePlan', {
    personId, contacts: [{ name: '张侄子', relation: '侄子', phone: '13900001111' }], hospital: '东丽医院', hospitalPhone: '022-24390120', conditions: '高血压', actions: '拨打120，通知社区和照料人',
  });
  return { personId, agreement: a, card, caregiver: g };
}

describe('care: records', () => {
  test('assessment gives the level and care level, and updates the registry self-care', async () => {
    const personId = await supportedPerson('刘大爷');
    const p = await assessed(personId, { ...ALL_MET, eating: false, dressing: false, bed: false, toileting: false });
    expect(p).toMatchObject({ selfCareLevel: 'none', careLevel: 'disabled' });
    const hh = await c('registry.getHousehold', { id: (await c('registry.listHouseholds', { q: '刘大爷' })).rows[0]!.id });
    expect(hh.members[0]!.selfCare).toBe('none');
  });

  test('agreement: draft with subsidy from the policy on the start date, default term and visit interval; signed; caseload counts', async () => {
    const personId = await supportedPerson('刘大爷');
    await assessed(personId);
    const g = await caregiver();
    const a = await c('care.createAgreement', {
      personId, caregiverId: g.id, startDate: '2026-06-01', services: ['daily-care'], guardian: { name: '刘侄', relation: '侄子', phone: '13900002222' },
    });
    expect(a).toMatchObject({ status: 'draft', endDate: '2027-05-31', visitIntervalDays: 31, careLevel: 'semi-disabled', subsidyFen: 60000 });
    expect((await c('care.listCaregivers', {}))[0]!.caseload).toBe(0);
    const s = await c('care.signAgreement', { id: a.id, signedDate: '2026-06-10' });
    expect(s.status).toBe('signed');
    expect((await c('care.listCaregivers', { q: '李' }))[0]!.caseload).toBe(1);
    await expect(c('care.updateAgreement', { id: a.id, patch: { services: ['daily-watch'] } })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  test('an overlapping second agreement cannot be signed; expiry is derived and the renewal reminder shows', async () => {
    const { personId, agreement, caregiver: g } = await complete('陈奶奶');
    const b = await c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-12-01', services: ['daily-care'] });
    await expect(c('care.signAgreement', { id: b.id, signedDate: '2026-06-15' })).rejects.toMatchObject({ code: 'overlap' });
    expect(await c('care.renewalsDue', {})).toEqual([]);
    await travel('2026-12-10T02:00:00Z');
    const due = await c('care.renewalsDue', {});
    expect(due.map((x) => [x.id, x.daysLeft])).toEqual([[agreement.id, 21]]);
    await travel('2027-01-02T02:00:00Z');
    const d = await c('care.getPerson', { personId });
    expect(d.agreements.find((x) => x.id === agreement.id)!.status).toBe('expired');
  });

  test('card: numbered per street and year, reissued with a new number, cancelled', async () => {
    const { personId, card } = await complete('陈奶奶');
    expect(parseCardNumber(card.cardNumber)).toEqual({ streetCode: '120110001000', year: 2026, deviceNo: 0, seq: 1 });
    expect(card).toMatchObject({ validFrom: '2026-06-15', validTo: '2026-12-31', status: 'active' });
    await expect(c('care.issueCard', { personId })).rejects.toMatchObject({ code: 'duplicate' });
    const re = await c('care.reissueCard', { cardId: card.id, reason: '遗失' });
    expect(re.cardNumber).toBe('ZL-120110001000-2026-00-0002');
    const cards = (await c('care.getPerson', { personId })).cards;
    expect(cards.map((c) => c.status).sort()).toEqual(['active', 'reissued']);
    await c('care.cancelCard', { cardId: re.id, reason: '转入集中供养' });
    await expect(c('care.cancelCard', { cardId: re.id, reason: '再次' })).rejects.toMatchObject({ code: 'invalid-transition' });
    expect((await c('care.listCards', { status: 'active' })).length).toBe(0);
    expect((await c('care.listCards', { issuedFrom: '2026-06-01', issuedTo: '2026-06-30', communityId })).length).toBe(2);
  });

  test('card: once the PC is enrolled as the street\'s PC no. 7, its cards carry the 7 and start their own series', async () => {
    await complete('陈奶奶');
    h.backend.store.setMeta(DEVICE_NO_META, '7');
    const { card } = await complete('李爷爷');
    expect(card.cardNumber).toBe('ZL-120110001000-2026-07-0001');
  });

  test('refusals write nothing: no assessment, not 特困分散供养, card without a signed agreement, bad input', async () => {
    const personId = await supportedPerson('刘大爷');
    const other = await supportedPerson('低保户', ['dibao']);
    const g = await caregiver();
    const before = changeCount();
    await expect(c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-06-01', services: ['daily-care'] })).rejects.toThrow(
      /生活自理能力评估/,
    );
    await expect(c('care.saveProfile', { personId: other, selfCareMet: ALL_MET, assessedDate: '2026-06-01' })).rejects.toThrow(/特困分散供养/);
    await expect(c('care.issueCard', { personId })).rejects.toThrow(/请先签订协议/);
    const bad = await h.raw('care.saveCaregiver', { caregiver: { name: '王', idNumber: '120110194503100011', relation: 'neighbour', phone: '13820005678' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'id-number-checksum', field: 'caregiver.idNumber' });
    const half = await h.raw('care.saveProfile', { personId, selfCareMet: { eating: true }, assessedDate: '2026-06-01' });
    expect(half.ok).toBe(false);
    expect(changeCount()).toBe(before);
  });

  test('a caseworker may not terminate an agreement, cancel a card or record a transfer', async () => {
    const { personId, agreement, card } = await complete('陈奶奶');
    await c('users.create', { username: 'cw1', displayName: '个案员', role: 'caseworker', password: 'cw-pass-123' });
    const cw = (await h.call('auth.login', { username: 'cw1', password: 'cw-pass-123' }, null)).token;
    const before = changeCount();
    for (const [p, i] of [
      ['care.terminateAgreement', { id: agreement.id, date: '2026-06-15', reason: '测试' }],
      ['care.cancelCard', { cardId: card.id, reason: '测试' }],
      ['care.recordTransfer', { personId, date: '2026-06-15', institution: '福利院', reason: '测试' }],
    ] as const) {
      const r = await h.raw(p, i, cw);
      expect(r.ok, p).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    expect(changeCount()).toBe(before);
  });

  test('the template is data: a revision applies to new agreements, a drawn-up agreement keeps its wording', async () => {
    const { agreement } = await complete('陈奶奶');
    const actor = systemActor('120110001000');
    setParam(h.backend.store, actor, {
      key: 'care.agreementTemplate',
      value: { ...DEFAULT_AGREEMENT_TEMPLATE, version: '东丽区2026年修订版', preamble: '修订后的前言：甲方{{office.name}}。' },
      effectiveFrom: '2026-06-15',
      partition: DISTRICT_PARTITION,
    });
    const old = await c('care.agreementPrintData', { id: agreement.id });
    expect(old.filled.version).toBe('东丽区2020年版');
    const personId = await supportedPerson('新对象');
    await assessed(personId);
    const g = await caregiver('新照料人');
    const a = await c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-07-01', services: ['daily-care'] });
    const p = await c('care.agreementPrintData', { id: a.id });
    expect(p.filled.version).toBe('东丽区2026年修订版');
    expect(p.filled.preamble).toBe('修订后的前言：甲方张贵庄街道公共服务办公室。');
  });
});

describe('care: printing data and audit', () => {
  test('card print data carries names, number, contacts, standard and the record link', async () => {
    const { personId, card } = await complete('陈奶奶');
    const [cp] = await c('care.cardPrintData', { ids: [card.id] });
    expect(cp).toMatchObject({
      cardNumber: card.cardNumber,
      personName: '陈奶奶',
      caregiverName: '陈奶奶的照料人',
      caregiverPhone: '13820005678',
      streetContact: '王民政',
      visitFrequency: '每月至少探访一次',
      serviceItems: ['日常看护', '生活照料'],
      issuedBy: '张贵庄街道公共服务办公室',
      qrText: cardCode(card.cardNumber),
      missing: ['监督电话'],
      selfCare: '部分丧失生活自理能力',
    });
    expect(cp!.emergency).toContain('东丽医院');
    expect(cp!.personIdMasked).toMatch(/^120110\*{8}/);
  });

  test('a card prints only what was entered: no fallback contact, no placeholder plan; the blanks are listed for the print to ask', async () => {
    const personId = await supportedPerson('孙奶奶');
    await assessed(personId);
    const g = await caregiver();
    const a = await c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-01-01', services: ['daily-watch'] });
    await c('care.signAgreement', { id: a.id, signedDate: '2026-01-01' });
    const card = await c('care.issueCard', { personId, streetContact: null, streetPhone: null });
    const [cp] = await c('care.cardPrintData', { ids: [card.id] });
    expect(cp).toMatchObject({ streetContact: '', streetPhone: '', emergency: '', hotline: '' });
    expect(cp!.missing).toEqual(['监督电话', '街道联系人', '街道联系电话', '应急预案']);
    expect(JSON.stringify(cp)).not.toContain(ADMIN.displayName);
  });

  test('the QR code names the card (with a check character), which opens its holder; a damaged code opens nobody', async () => {
    const { personId, card } = await complete('周奶奶');
    const [cp] = await c('care.cardPrintData', { ids: [card.id] });
    expect(cp!.qrText).toBe(cardCode(card.cardNumber));
    expect(cp!.qrText).not.toContain(personId);
    expect(await c('care.cardByCode', { code: cp!.qrText })).toMatchObject({ personId, cardNumber: card.cardNumber, personName: '周奶奶', status: 'active' });
    const damaged = cp!.qrText.slice(0, -1) + (cp!.qrText.endsWith('0') ? '1' : '0');
    expect(await h.raw('care.cardByCode', { code: damaged }, token)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'code' } });
    const other = cardCode(card.cardNumber.replace(/\d{4}$/, '9999'));
    expect(await h.raw('care.cardByCode', { code: other }, token)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('agreements are numbered street + year + device + sequence; the number and the 监督电话 are on the print', async () => {
    const { agreement } = await complete('钱奶奶');
    const second = await complete('吴奶奶');
    expect(agreement.agreementNumber).toMatch(/^XY-120110001000-2026-\d{2}-0001$/);
    expect(second.agreement.agreementNumber).toMatch(/-0002$/);
    const actor = systemActor(h.backend.store.getMeta('street_code')!);
    setParam(h.backend.store, actor, { key: 'care.supervisionHotline', value: '022-24399999', effectiveFrom: '2026-06-01', partition: '120110001000', retroactiveReason: '测试' });
    const p = await c('care.agreementPrintData', { id: agreement.id });
    expect(p).toMatchObject({ agreementNumber: agreement.agreementNumber, hotline: '022-24399999', missing: [] });
  });

  test('agreement print data fills the parties and the clauses', async () => {
    const { agreement } = await complete('陈奶奶');
    const p = await c('care.agreementPrintData', { id: agreement.id });
    expect(p.partyA.name).toBe('张贵庄街道公共服务办公室');
    expect(p.partyB.name).toBe('陈奶奶的照料人');
    expect(p.partyC).toMatchObject({ name: '陈奶奶', role: '供养对象本人' });
    const text = JSON.stringify(p.filled);
    expect(text).toContain('600.00 元（半失能）');
    expect(text).toContain('2026年1月1日');
    expect(text).toContain('日常看护、生活照料');
    expect(p.filled.unknown).toEqual([]);
  });

  test('every print, PDF export and preview is an audit event; unknown ids are refused without writing', async () => {
    const { card, agreement } = await complete('陈奶奶');
    await c('care.recordPrint', { document: 'care-cards', ids: [card.id], mode: 'pdf', layout: 'a4-8up' });
    await c('care.recordPrint', { document: 'care-agreement', ids: [agreement.id], mode: 'print' });
    const a = await c('audit.list', { action: 'care.exportPdf' });
    expect(a.rows[0]).toMatchObject({ entity: 'care_cards', entityId: card.id, summary: '导出PDF照料服务卡 1 张' });
    expect((await c('audit.list', { action: 'care.print' })).rows[0]).toMatchObject({ entityId: agreement.id });
    const before = changeCount();
    const r = await h.raw('care.recordPrint', { document: 'care-cards', ids: ['01890000-0000-7000-8000-000000000000'], mode: 'print' });
    expect(r.ok).toBe(false);
    expect(changeCount()).toBe(before);
  });
});

describe('care: the 四有 board shows exactly the gaps of prepared persons', () => {
  async function board() {
    const rows = await c('care.board', {});
    return Object.fromEntries(rows.map((r) => [r.name, r.gaps.map((g) => g.code)]));
  }

  test('complete person: no gaps', async () => {
    await complete('完整');
    expect(await board()).toEqual({ 完整: [] });
  });
  test('no agreement, card, visit or plan: every gap, and listed before complete persons', async () => {
    await complete('完整');
    await supportedPerson('全缺');
    const rows = await c('care.board', {});
    expect(rows.map((r) => r.name)).toEqual(['全缺', '完整']);
    expect(rows[0]!.gaps.map((g) => g.code)).toEqual(['agreement-missing', 'card-missing', 'visit-none', 'plan-missing']);
    expect((await c('care.board', { gapsOnly: true })).map((r) => r.name)).toEqual(['全缺']);
  });
  test('draft agreement', async () => {
    const { personId } = await complete('草稿');
    const rows = await c('care.getPerson', { personId });
    await c('care.terminateAgreement', { id: rows.agreements[0]!.id, date: '2026-06-15', reason: '照料人搬离' });
    const g = await caregiver('新人');
    await c('care.createAgreement', { personId, caregiverId: g.id, startDate: '2026-06-15', services: ['daily-care'] });
    expect((await board())['草稿']).toEqual(['agreement-draft']);
  });
  test('terminated agreement', async () => {
    const { personId, agreement } = await complete('解除');
    await c('care.terminateAgreement', { id: agreement.id, date: '2026-06-10', reason: '照料人未尽责任' });
    expect((await board())['解除']).toEqual(['agreement-terminated']);
    void personId;
  });
  test('expired agreement and card, overdue visit', async () => {
    await complete('到期');
    await travel('2027-01-05T02:00:00Z');
    expect((await board())['到期']).toEqual(['agreement-expired', 'card-expired', 'visit-overdue']);
  });
  test('visit overdue only', async () => {
    await complete('逾期');
    await travel('2026-07-03T02:00:00Z');
    expect((await board())['逾期']).toEqual(['visit-overdue']);
  });
  test('purchased meal help does not count as a visit', async () => {
    const personId = await supportedPerson('助餐');
    await c('care.recordVisit', {
      personId, visitDate: '2026-06-10', visitorKind: 'social-org', orgName: '东丽区爱心助老服务中心', visitorName: '钱社工', services: ['meal'], content: '送餐',
    });
    expect((await board())['助餐']).toContain('visit-none');
  });
  test('plan incomplete', async () => {
    const { personId } = await complete('预案');
    await c('care.savePlan', { personId, contacts: [], hospital: null, hospitalPhone: null, conditions: null, actions: '拨打120' });
    const rows = await c('care.board', {});
    expect(rows.find((r) => r.name === '预案')!.gaps).toEqual([
      { have: 'plan', code: 'plan-incomplete', message: '应急预案缺少紧急联系人、就近医院' },
    ]);
  });
  test('card missing after cancellation', async () => {
    const { card } = await complete('注销');
    await c('care.cancelCard', { cardId: card.id, reason: '损毁' });
    expect((await board())['注销']).toEqual(['card-missing']);
  });
  test('建议纳入集中供养 from a visit finding, first on the board; the recorded transfer removes the person', async () => {
    await complete('完整');
    const { personId } = await complete('失责');
    await c('care.recordVisit', {
      personId, visitDate: '2026-06-14', visitorKind: 'street', visitorName: '王民政', services: ['visit'], content: '入户',
      findings: '照料人长期外出，屋内无取暖', careFailed: true, conditionsPoor: true, noOtherCarer: true,
    });
    const rows = await c('care.board', {});
    expect(rows[0]).toMatchObject({ name: '失责', institutionalSuggested: true, institutionalReason: expect.stringContaining('2026年6月14日') });
    // The failed care is also a 一级 照料 item of the issue ledger, opened in the same step.
    const items = h.backend.store.sqlite
      .prepare('SELECT source, category, urgency, description FROM ledger_items WHERE person_id = ?')
      .all(personId) as { source: string; category: string; urgency: string; description: string }[];
    expect(items).toEqual([
      { source: 'visit', category: 'care', urgency: '1', description: '探访发现照料服务未落实：失责（2026-06-14），照料人长期外出，屋内无取暖' },
    ]);
    await c('care.recordTransfer', { personId, date: '2026-06-15', institution: '东丽区社会福利院', reason: '照料人未尽责任' });
    expect((await c('care.board', {})).map((r) => r.name)).toEqual(['完整']);
    const audit = await c('audit.list', { action: 'care.recordTransfer' });
    expect(audit.rows[0]!.summary).toContain('东丽区社会福利院');
  });
});
