/**
 * The entrusted-care agreement template: clause wording is DATA (the policy parameter
 * `care.agreementTemplate`, effective-dated, revisable by the district), never code. Clauses carry
 * placeholders like {{caregiver.name}} that are filled from the agreement's parties and terms.
 */
import { z } from 'zod';

export const AgreementTemplateSchema = z.strictObject({
  title: z.string().min(1).max(60),
  /** Version label shown in the footer, e.g. "东丽区2020版". */
  version: z.string().min(1).max(40),
  preamble: z.string().max(2000),
  sections: z
    .array(z.strictObject({ heading: z.string().min(1).max(60), clauses: z.array(z.string().min(1).max(2000)).min(1) }))
    .min(1)
    .max(30),
  closing: z.string().max(2000),
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
