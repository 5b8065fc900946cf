/**
 * Issue 13 (items 3, 4 and the data part of 10): clean text, real dates and plausible ID numbers at
 * the API boundary, Chinese messages for every refusal, and screens that survive an old bad row.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { computeCheckChar, makeIdNumber } from '../../../shared/id-number';
import { expectRefused, makeWorld, type World } from '../testing/screening-fixtures';

let w: World;
// Wednesday 2024-03-06 10:00 Shanghai.
beforeEach(async () => {
  w = await makeWorld('2024-03-06T02:00:00.000Z');
});
afterEach(() => w.h.close());

const refused = (code: string, fn: () => Promise<unknown>) => expectRefused(w, code, fn);

function household(member: { name: string; idNumber: string }) {
  return w.h.call('registry.createHousehold', {
    household: { communityId: w.communityId, gridId: w.gridA, address: '詹滨西里1号', hukouType: 'urban' },
    members: [{ ...member, relation: '02' }],
  });
}

const anId = (seq = 7) => makeIdNumber('120110', '19600101', seq);
/** An ID number whose check character is right, whatever else is wrong with it. */
const withCheck = (first17: string) => first17 + computeCheckChar(first17);

describe('text at the boundary', () => {
  test.each([
    ['a NUL', '张\u0000三', '控制字符'],
    ['only zero-width characters', '\u200b\u200c\u200d\ufeff', '不可见'],
    ['a right-to-left override', '张\u202e三', '方向'],
    ['a lone surrogate', '张\ud800三', '无效字符'],
    ['a line break in a one-line field', '张\n三', '控制字符'],
  ])('a name with %s is refused, naming the field', async (_what, name, words) => {
    const err = await refused('invalid-input', () => household({ name, idNumber: anId() }));
    expect(err.field).toBe('members.0.name');
    expect(err.message).toContain('姓名');
    expect(err.message).toContain(words);
  });

  test('a multi-line note keeps its line breaks and tabs; Windows line ends become \\n', async () => {
    const d = await household({ name: '张三', idNumber: anId() });
    const p = await w.h.call('registry.updatePerson', { id: d.members[0]!.id, patch: { notes: '第一行\r\n第二行\t完' } });
    expect(p.notes).toBe('第一行\n第二行\t完');
    await refused('invalid-input', () => w.h.call('registry.updatePerson', { id: d.members[0]!.id, patch: { notes: '响铃\u0007' } }));
  });

  test('search text and free keys are checked too', async () => {
    const err = await refused('invalid-input', () => w.h.call('registry.search', { q: 'a\u0000' }));
    expect(err.message).toContain('搜索内容');
  });
});

describe('ID numbers', () => {
  test.each([
    ['born in 1800', withCheck('12011018000101123'), '出生日期'],
    ['born in 2099', withCheck('12011020990101123'), '出生日期'],
    ['area code 000000', withCheck('00000019600101123'), '地区'],
    ['a province-level area code 120000', withCheck('12000019600101123'), '地区'],
    ['a province code that does not exist (99)', withCheck('99011019600101123'), '地区'],
  ])('one %s is refused', async (_what, idNumber, words) => {
    const err = await refused('id-number-invalid', () => household({ name: '张三', idNumber }));
    expect(err.message).toContain(words);
  });

  test('a birth date after today (by the app clock) is refused', async () => {
    const err = await refused('id-number-invalid', () => household({ name: '张三', idNumber: withCheck('12011020240307123') }));
    expect(err.message).toContain('出生日期');
    await household({ name: '张三', idNumber: withCheck('12011020240306123') });
  });
});

describe('dates at the boundary', () => {
  test('an impossible visit date is refused, and the due list and look-back still answer', async () => {
    const hid = await w.household({ members: [{ name: '钱一', birth: '1980-01-01' }] });
    const err = await refused('invalid-input', () =>
      w.h.call('screening.recordVisit', { householdId: hid, visitedOn: '2024-13-45', method: 'home', visitorName: '刘网格' }),
    );
    expect(err.message).toContain('走访日期');
    await refused('invalid-input', () => w.h.call('ledger.lookBack', { from: '2024-13-45', to: '2024-02-30' }));
    expect((await w.h.call('screening.dueList', { list: 'overdue' })).today).toBe('2024-03-06');
  });

  test('a policy version dated 2027-02-30 is refused; so are years out of range', async () => {
    const err = await refused('invalid-input', () =>
      w.h.call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '2027-02-30' }),
    );
    expect(err.message).toContain('生效日期');
    await refused('invalid-input', () => w.h.call('policy.setParam', { key: 'dibao.standard', value: 110000, effectiveFrom: '1899-01-01' }));
    await refused('invalid-input', () => w.h.call('screening.recordVisit', { householdId: w.gridA, visitedOn: '0000-01-01', method: 'home', visitorName: '刘网格' }));
  });

  test('instants are stored in one form: ISO-8601 UTC with Z', async () => {
    const hid = await w.household({ members: [{ name: '钱二', birth: '1980-01-01' }] });
    const d = await w.h.call('ledger.create', {
      source: 'hotline',
      householdId: hid,
      category: 'medical',
      urgency: '2',
      description: '住院',
      dueAt: '2024-03-09T18:00:00+08:00',
    });
    expect(d.dueAt).toBe('2024-03-09T10:00:00.000Z');
    await refused('invalid-input', () =>
      w.h.call('ledger.create', { source: 'hotline', householdId: hid, category: 'medical', urgency: '2', description: '住院', dueAt: '2024-02-30T10:00:00Z' }),
    );
  });

  test.each(['2024-13-45', '2024-02-30', '03/01/2024', ''])(
    'a visit stored with the date %j by an old PC does not stop the due list, coverage or look-back',
    async (bad) => {
      const hid = await w.household({ members: [{ name: '钱三', birth: '1980-01-01' }] });
      await w.h.call('screening.recordVisit', {
        householdId: hid,
        visitedOn: '2024-03-01',
        method: 'home',
        visitorName: '刘网格',
        problems: [{ category: 'medical', urgency: '2', description: '住院' }],
      });
      w.h.backend.store.sqlite.prepare('UPDATE visits SET visited_on = ?').run(bad);
      for (const list of ['today', 'week', 'overdue'] as const) {
        expect((await w.h.call('screening.dueList', { list })).today).toBe('2024-03-06');
      }
      await w.h.call('screening.coverage', { period: 'month', date: '2024-03-06' });
      await w.h.call('screening.listVisits', {});
      await w.h.call('ledger.lookBack', { from: '2024-01-01', to: '2024-03-06' });
    },
  );
});

describe('every refusal speaks Chinese', () => {
  test('a check without a message of ours still names the field and says what is wrong', async () => {
    const street = { streetCode: '120110001000', streetName: '张贵庄街道', officeName: '办公室' };
    const wrong = await w.h.raw('setup.initialize', { ...street, admin: 5 });
    expect(!wrong.ok && wrong.error.message).toBe('字段“admin”应为对象（JSON 对象）');
    const missing = await w.h.raw('setup.initialize', street);
    expect(!missing.ok && missing.error.message).toBe('字段“admin”缺失');
  });

  test.each([
    ['ledger.lookBack', { from: '2024-01-01', to: '2024-03-06', samplePercent: 'x' }],
    ['ledger.lookBack', { from: '2024-01-01', to: '2024-03-06', extra: 1 }],
    ['registry.getHousehold', null],
    ['registry.getHousehold', []],
    ['care.cardPrintData', { ids: [] }],
    ['screening.recordRound', { gridId: 1 }],
    ['registry.search', { q: '张', limit: 1000 }],
    ['assistance.investigate', { id: '0190a000-0000-7000-8000-000000000000', coveredPersons: 99 }],
  ])('%s %j', async (procedure, input) => {
    const env = await w.h.raw(procedure, input);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    const issues = (env.error.details as { issues?: { message: string }[] } | undefined)?.issues ?? [env.error];
    for (const m of [env.error.message, ...issues.map((i) => i.message)]) {
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(m).not.toMatch(/Invalid|expected|Too (big|small)|Unrecognized/i);
    }
  });
});
