/**
 * Issue 13 item 3: an Excel cell `_x0000_` (an OOXML escape that exceljs decodes) must not import as
 * NUL. Every text cell goes through the same text vocabulary as the API, per cell, naming the column.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../shared/id-number';
import { makeHarness, type Harness } from '../../testing/harness';
import { importWorkbook } from '../../testing/import-file';

let h: Harness;
let community: string;
beforeEach(async () => {
  const now = new Date('2024-03-05T02:00:00Z');
  h = await makeHarness({ now: () => now });
  community = (await h.call('org.listCommunities', {}))[0]!.name;
});
afterEach(() => h.close());

const row = (extra: Record<string, string>, seq: number) => ({
  户编号: String(seq),
  社区: community,
  家庭住址: `詹滨西里${seq}号`,
  户籍类型: '城镇',
  姓名: '张三',
  身份证号码: makeIdNumber('120110', '19600101', seq),
  与户主关系: '户主',
  ...extra,
});

const changes = () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

test('an _x0000_ escape, a bidi override or an invisible-only name is refused per row, naming the column', async () => {
  const base64 = await importWorkbook([
    row({ 姓名: '张_x0000_三' }, 1),
    row({ 家庭住址: '詹滨西里\u202e5号' }, 2),
    row({ 姓名: '\u200b\u200b' }, 3),
    row({ 备注: '第一行\n第二行' }, 4),
    row({ 社区: '第一_x0007_社区' }, 5),
  ]);
  const before = changes();
  const p = await h.call('registry.importPreview', { fileName: '名单.xlsx', base64 });
  expect(p.validHouseholds).toBe(1);
  expect(p.errors.map((e) => [e.row, e.column])).toEqual([
    [2, '姓名'],
    [3, '家庭住址'],
    [4, '姓名'],
    [6, '社区'],
  ]);
  expect(p.errors[0]!.message).toContain('控制字符');
  expect(p.errors[1]!.message).toContain('方向');
  expect(p.errors[2]!.message).toContain('不可见');
  expect(p.errors[3]!.message).toContain('控制字符');
  for (const e of p.errors) expect(e.message).not.toMatch(/[\u0000-\u001f\u202e]/);
  await h.call('registry.importCommit', { importId: p.importId });
  const names = h.backend.store.sqlite.prepare('SELECT name, notes FROM persons').all() as { name: string; notes: string | null }[];
  expect(names).toEqual([{ name: '张三', notes: '第一行\n第二行' }]);
  expect(changes()).toBeGreaterThan(before);
});
