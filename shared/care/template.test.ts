import { describe, expect, test } from 'vitest';
import { AgreementTemplateSchema, BLANK, fillTemplate, templateParts } from './template';

const T = AgreementTemplateSchema.parse({
  title: '委托照料服务协议',
  version: 'v1',
  preamble: '甲方：{{office.name}}；乙方：{{caregiver.name}}',
  sections: [{ heading: '一、期限', clauses: ['自{{startDate}}起至{{ endDate }}止。', '补贴{{subsidy}}。'] }],
  closing: '丙方：{{guardian.name}}',
});

describe('agreement template', () => {
  test('fills placeholders, leaves blanks for empty values and reports unknown keys', () => {
    const f = fillTemplate(T, {
      'office.name': '张贵庄街道公共服务办公室',
      'caregiver.name': '李四',
      startDate: '2026年1月1日',
      endDate: '2026年12月31日',
      'guardian.name': null,
    });
    expect(f.preamble).toBe('甲方：张贵庄街道公共服务办公室；乙方：李四');
    expect(f.sections[0]!.clauses).toEqual(['自2026年1月1日起至2026年12月31日止。', `补贴${BLANK}。`]);
    expect(f.closing).toBe(`丙方：${BLANK}`);
    expect(f.unknown).toEqual(['subsidy']);
  });
  test('the schema refuses a template without sections', () => {
    expect(AgreementTemplateSchema.safeParse({ ...T, sections: [] }).success).toBe(false);
  });
});

describe('agreement template validation', () => {
  const base = { title: '协议', version: 'v2', preamble: '', sections: [{ heading: '第一条', clauses: ['甲方{{office.name}}'] }], closing: '' };
  test('refuses a misspelt placeholder and says where it is', () => {
    const r = AgreementTemplateSchema.safeParse({ ...base, sections: [base.sections[0], { heading: '第二条', clauses: ['乙方{{caregiver.nmae}}'] }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['第2条第1款中的占位符{{caregiver.nmae}}无法识别']);
  });
  test('says in Chinese which part is empty', () => {
    const r = AgreementTemplateSchema.safeParse({ ...base, sections: [{ heading: '', clauses: ['x'] }] });
    expect(r.error!.issues[0]!.message).toBe('条款标题不能为空');
  });
  test('the default template uses only known placeholders', async () => {
    const { DEFAULT_AGREEMENT_TEMPLATE } = await import('./default-template');
    expect(AgreementTemplateSchema.safeParse(DEFAULT_AGREEMENT_TEMPLATE).success).toBe(true);
  });
});

describe('template parts', () => {
  test('cuts a text into plain runs and placeholders, in order', () => {
    expect(templateParts('甲方{{office.name}}与乙方{{ caregiver.name }}。')).toEqual([
      { text: '甲方' },
      { key: 'office.name', raw: '{{office.name}}' },
      { text: '与乙方' },
      { key: 'caregiver.name', raw: '{{ caregiver.name }}' },
      { text: '。' },
    ]);
    expect(templateParts('无占位符')).toEqual([{ text: '无占位符' }]);
  });
});
