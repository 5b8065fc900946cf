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
  expect(PARAM_DEFAULTS.filter((d) => d.key === 'dibao.standard' && d.effectiveFrom >= '2019').every((d) => d.note.includes('未核实'))).toBe(true);
});
