import { expect, test } from 'vitest';
import { paramSpec } from './catalog';
import { DEMO_PARAM_DEFAULTS, PARAM_DEFAULTS } from './defaults';

test('every default names a catalog key, has a valid value, a date and a source note; unverified ones say so', () => {
  for (const d of [...PARAM_DEFAULTS, ...DEMO_PARAM_DEFAULTS]) {
    const spec = paramSpec(d.key);
    expect(spec, d.key).toBeDefined();
    expect(spec!.schema.safeParse(d.value).success, d.key).toBe(true);
    expect(d.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.note.length).toBeGreaterThan(4);
  }
  for (const d of DEMO_PARAM_DEFAULTS) expect(d.note).toMatch(/演示数据/);
  // Every figure cites its source: a verified one the notice it was read in, any other says 未核实 (or is a work-practice default).
  const std = (from: string) => PARAM_DEFAULTS.find((d) => d.key === 'dibao.standard' && d.effectiveFrom === from)!;
  expect(std('2019-04-01')).toMatchObject({ value: 98000 });
  expect(std('2019-04-01').note).toContain('920元调整为980元');
  expect(std('2020-04-01').note).toContain('未核实');
  expect(std('2025-09-01')).toMatchObject({ value: 104500 });
  expect(std('2025-09-01').note).toContain('津民规〔2025〕6号');
  for (const d of PARAM_DEFAULTS) expect(d.note, d.key).toMatch(/\[V\]|\[V-mirror\]|未核实|津丽民发|工作惯例|工作口径/);
});

test('津民规〔2025〕6号 figures from 2025-09-01: 低保 1045, 低保边缘 314 per household, 特困 城市 1870 / 农村集中 1870 / 分散 1530', () => {
  const on = (key: string) => PARAM_DEFAULTS.filter((d) => d.key === key && d.effectiveFrom <= '2025-09-01').at(-1)!.value;
  expect(on('dibao.standard')).toBe(104500);
  expect(on('dibao-edge.aidAmount')).toBe(31400);
  expect(on('tekun.support.urban')).toBe(187000);
  expect(on('tekun.support.institution')).toBe(187000);
  expect(on('tekun.support.home')).toBe(153000);
  expect(on('tekun.care.partial')).toBe(40000);
  expect(on('tekun.care.none')).toBe(80000);
});
