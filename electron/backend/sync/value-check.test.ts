import { describe, expect, test } from 'vitest';
import { SYNC_CATALOG } from '../../../shared/sync/catalog';
import { textFormat, valueProblem, type ColumnSpec } from '../../../shared/sync/columns';

const col = (table: string, name: string): ColumnSpec => SYNC_CATALOG.get(table)!.columns.get(name)!;

describe('the server check of a pushed value uses the text and date vocabulary', () => {
  test.each([
    ['persons', 'name', '张\u0000三', '控制字符'],
    ['persons', 'name', '\u200b\u200b', '不可见'],
    ['persons', 'name', '张\u202e三', '方向'],
    ['persons', 'notes', '备注\ud800', '无效字符'],
    ['visits', 'visited_on', '2024-13-45', '不是日历上的日期'],
    ['policy_params', 'effective_from', '2027-02-30', '不是日历上的日期'],
    ['persons', 'birth_date', '1800-01-01', '超出可填范围'],
    ['ledger_items', 'due_at', '2024-02-30T00:00:00.000Z', '不是日历上的日期'],
    ['ledger_items', 'registered_at', 'yesterday', 'ISO-8601'],
    ['income_rise_decisions', 'report_month', '2024-13', 'YYYY-MM'],
    ['policy_params', 'value', '{"note":"\\u0000"}', '控制字符'],
  ])('%s.%s %j is refused, naming the column', (table, name, value, words) => {
    const p = valueProblem(col(table, name), value);
    expect(p).toContain(name);
    expect(p).toContain(words);
  });

  test.each([
    ['persons', 'name', '张三'],
    ['persons', 'notes', '第一行\r\n第二行\t完'],
    ['persons', 'birth_date', '1930-02-28'],
    ['visits', 'visited_on', '2024-02-29'],
    ['ledger_items', 'due_at', '2024-03-09T10:00:00.000Z'],
    ['ledger_clue_inbox', 'due_at', '2024-03-09T18:00:00+08:00'],
    ['income_rise_decisions', 'report_month', '2024-03'],
    ['policy_params', 'value', '{"amount":107000,"note":"调标"}'],
  ])('%s.%s %j is accepted', (table, name, value) => {
    expect(valueProblem(col(table, name), value)).toBeNull();
  });

  test('every text column of the catalog has a format the convention names', () => {
    const formats = new Map<string, string>();
    for (const spec of SYNC_CATALOG.values()) {
      for (const c of spec.columns.values()) if (c.kind === 'text' && !c.enumValues) formats.set(c.name, textFormat(c.name));
    }
    expect(formats.get('visited_on')).toBe('date');
    expect(formats.get('deadline')).toBe('instant');
    expect(formats.get('valid_to')).toBe('date');
    expect(formats.get('start_month')).toBe('month');
    expect(formats.get('address')).toBe('text');
  });
});
