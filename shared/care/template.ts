/**
 * The entrusted-care agreement template: clause wording is DATA (the policy parameter
 * `care.agreementTemplate`, effective-dated, revisable by the district), never code. Clauses carry
 * placeholders like {{caregiver.name}} that are filled from the agreement's parties and terms.
 */
import { z } from 'zod';

const text = (label: string, max: number, min = 0) =>
  z
    .string({ error: `${label}必须是文字` })
    .min(min, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const AgreementTemplateSchema = z
  .strictObject({
    title: text('协议标题', 60, 1),
    /** Version label shown in the footer, e.g. "东丽区2020版". */
    version: text('范本版本', 40, 1),
    preamble: text('前言', 2000),
    sections: z
      .array(
        z.strictObject({
          heading: text('条款标题', 60, 1),
          clauses: z.array(text('条款内容', 2000, 1)).min(1, { error: '每一条至少要有一款内容' }).max(30, { error: '每一条最多30款' }),
        }),
      )
      .min(1, { error: '范本至少要有一条' })
      .max(30, { error: '范本最多30条' }),
    closing: text('结尾', 2000),
  })
  .superRefine((t, ctx) => {
    // A misspelt placeholder would print as a blank on every agreement: refuse it where it is.
    const check = (s: string, where: string, path: (string | number)[]) => {
      for (const key of placeholdersIn(s)) {
        if (!Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, key)) {
          ctx.addIssue({ code: 'custom', path, message: `${where}中的占位符{{${key}}}无法识别` });
        }
      }
    };
    check(t.title, '协议标题', ['title']);
    check(t.preamble, '前言', ['preamble']);
    t.sections.forEach((sec, i) => {
      check(sec.heading, `第${i + 1}条的标题`, ['sections', i, 'heading']);
      sec.clauses.forEach((c, j) => check(c, `第${i + 1}条第${j + 1}款`, ['sections', i, 'clauses', j]));
    });
    check(t.closing, '结尾', ['closing']);
  });
export type AgreementTemplate = z.infer<typeof AgreementTemplateSchema>;

export interface FilledTemplate {
  title: string;
  version: string;
  preamble: string;
  sections: { heading: string; clauses: string[] }[];
  closing: string;
  /** Placeholders the template uses that had no value (shown as blanks to fill by hand). */
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** The placeholder keys used in a text, in order of appearance. */
export function placeholdersIn(s: string): string[] {
  return [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** A text cut into plain runs and placeholders (for showing a template with its fields marked). */
export function templateParts(s: string): ({ text: string } | { key: string; raw: string })[] {
  const parts: ({ text: string } | { key: string; raw: string })[] = [];
  let at = 0;
  for (const m of s.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push({ text: s.slice(at, m.index) });
    parts.push({ key: m[1]!, raw: m[0] });
    at = m.index + m[0].length;
  }
  if (at < s.length) parts.push({ text: s.slice(at) });
  return parts;
}
export const BLANK = '＿＿＿＿＿＿';

/** Fills every placeholder; an empty or unknown value becomes a blank line to write on. */
export function fillTemplate(t: AgreementTemplate, values: Record<string, string | null | undefined>): FilledTemplate {
  const unknown = new Set<string>();
  const fill = (s: string) =>
    s.replace(PLACEHOLDER, (_m, key: string) => {
      const v = values[key];
      if (v === undefined) unknown.add(key);
      return v ? v : BLANK;
    });
  return {
    title: fill(t.title),
    version: t.version,
    preamble: fill(t.preamble),
    sections: t.sections.map((s) => ({ heading: fill(s.heading), clauses: s.clauses.map(fill) })),
    closing: fill(t.closing),
    unknown: [...unknown].sort(),
  };
}

/** Placeholders a template may use (documented for the district's editors). */
export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  'office.name': '甲方：街道办事处（公共服务办公室）名称',
  'office.phone': '甲方联系电话',
  'caregiver.name': '乙方：照料服务人姓名',
  'caregiver.idNumber': '乙方身份证号码',
  'caregiver.phone': '乙方联系电话',
  'caregiver.address': '乙方住址',
  'person.name': '丙方：供养对象姓名',
  'person.idNumber': '供养对象身份证号码',
  'person.address': '供养对象住址',
  'person.selfCare': '供养对象生活自理能力',
  'guardian.name': '丙方监护人姓名（无则留空）',
  'startDate': '协议起始日期',
  'endDate': '协议终止日期',
  'services': '服务内容',
  'visitFrequency': '探访频次',
  'subsidy': '照料护理补贴（每月）',
  'careLevel': '照料等级',
};
