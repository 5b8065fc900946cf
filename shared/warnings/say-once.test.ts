/**
 * One datum said once: a month over the monthly threshold that is also a rise raises both warnings
 * (they say different things and are disposed of on their own), but the inbox line and the ledger
 * item name the month and its amount once, with both findings, in the rules' own words.
 */
import { expect, test } from 'vitest';
import { personWarnings, type PersonSituation, type RuleContext } from './rules';
import { sayOnce } from './say-once';
import type { DepartmentRecord } from './types';

const CTX: RuleContext = {
  today: '2026-12-07',
  params: {
    'medical-month': [{ effectiveFrom: '2023-01-01', value: { thresholdFen: 500000, dueWorkingDays: 10 } }],
    'medical-rise': [{ effectiveFrom: '2023-01-01', value: { risePercent: 100, windowMonths: 12, minMonthFen: 200000, dueWorkingDays: 10 } }],
  },
  calendar: { holidays: [], workdays: [] },
  existingKeys: new Set(),
};
const ALIVE: PersonSituation = { personId: 'p1', householdId: 'h1', diedOn: null, enrolments: [], lastPaidMonth: { own: null, household: null }, householdCategories: [] };
let seq = 0;
const medical = (month: string, selfPaidFen: number): DepartmentRecord => ({
  id: `r${++seq}`, importId: 'f1', source: 'medical', personId: 'p1', startOn: `${month}-01`, endOn: null, facts: { totalFen: selfPaidFen, selfPaidFen },
});
const history = Array.from({ length: 12 }, (_, i) => medical(`2025-${String(i + 1).padStart(2, '0')}`, 100000));
const raised = (records: DepartmentRecord[]) =>
  personWarnings({ records, situation: ALIVE, severeOn: () => null }, CTX).map((w) => ({ ...w, personName: '孙大爷' }));

test('a month over the threshold that is also a rise: two warnings, one line saying the amount once', () => {
  const ws = raised([...history, medical('2026-01', 600000)]);
  expect(ws.map((w) => w.rule)).toEqual(['medical-month', 'medical-rise']);
  const said = sayOnce([...ws].reverse());
  expect(said).toHaveLength(1);
  expect(said[0]).toMatchObject({
    personName: '孙大爷',
    label: '当月医疗自付费用较高、医疗自付费用明显上升',
    summary: '2026年1月医疗自付 6,000.00 元，达到 5,000.00 元；前12个月月均 1,000.00 元，上升 500%，达到上升 100% 的预警线',
  });
  expect(said[0]!.warnings.map((w) => w.rule)).toEqual(['medical-month', 'medical-rise']);
  // The amount once; each warning alone says it in the same words.
  expect(said[0]!.summary.split('6,000.00').length).toBe(2);
  expect(ws.map((w) => w.trigger.summary)).toEqual([
    '2026年1月医疗自付 6,000.00 元，达到 5,000.00 元',
    '2026年1月医疗自付 6,000.00 元，前12个月月均 1,000.00 元，上升 500%，达到上升 100% 的预警线',
  ]);
});

test('different months, or one rule alone, are said as raised', () => {
  const ws = [...raised([...history, medical('2026-01', 300000)]), ...raised([medical('2026-02', 500000)])];
  expect(ws.map((w) => [w.rule, w.trigger.values.month])).toEqual([['medical-rise', '2026-01'], ['medical-month', '2026-02']]);
  const said = sayOnce(ws);
  expect(said.map((x) => [x.label, x.warnings.length])).toEqual(
    ws.map((w) => [w.rule === 'medical-month' ? '当月医疗自付费用较高' : '医疗自付费用明显上升', 1]),
  );
  expect(said.map((x) => x.summary)).toEqual(ws.map((w) => w.trigger.summary));
});
