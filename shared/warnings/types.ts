/**
 * The vocabulary of 预警 (issue 17): department data sources, their facts, the warning rules and
 * the dispositions of a warning. The contract between the department-data intake
 * (services/warnings/intake*), the rules (shared/warnings/rules.ts, services/warnings/raise.ts) and
 * the 预警 inbox (services/warnings/inbox.ts, renderer screens/warnings/). Amounts are fen.
 */
import { z } from 'zod';

export const DEPARTMENT_SOURCES = ['medical', 'disability', 'unemployment', 'death'] as const;
export type DepartmentSource = (typeof DEPARTMENT_SOURCES)[number];
export const DEPARTMENT_SOURCE_LABELS: Record<DepartmentSource, string> = {
  medical: '医保（医疗费用）',
  disability: '残联（残疾证）',
  unemployment: '人社（失业登记）',
  death: '公安/殡葬（死亡）',
};

/** A month's medical costs of a person (医保): total and the part paid by the person. */
export const MedicalFactsSchema = z.object({ totalFen: z.number().int().min(0), selfPaidFen: z.number().int().min(0) });
/** A new or changed 残疾证 (残联): type and grade as the certificate states them. */
export const DisabilityFactsSchema = z.object({
  type: z.enum(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']),
  grade: z.number().int().min(1).max(4),
  change: z.enum(['new', 'changed', 'revoked']),
});
/** 失业登记 (人社): registered on start_on, ended on end_on (null while unemployed). */
export const UnemploymentFactsSchema = z.object({ reason: z.string().max(200).nullable() });
/** A death (公安 / 殡葬): died on start_on. */
export const DeathFactsSchema = z.object({ reportedBy: z.string().max(100).nullable() });

export type MedicalFacts = z.infer<typeof MedicalFactsSchema>;
export type DisabilityFacts = z.infer<typeof DisabilityFactsSchema>;
export type UnemploymentFacts = z.infer<typeof UnemploymentFactsSchema>;
export type DeathFacts = z.infer<typeof DeathFactsSchema>;
export type DepartmentFacts = MedicalFacts | DisabilityFacts | UnemploymentFacts | DeathFacts;

export const DEPARTMENT_FACTS_SCHEMAS = {
  medical: MedicalFactsSchema,
  disability: DisabilityFactsSchema,
  unemployment: UnemploymentFactsSchema,
  death: DeathFactsSchema,
} as const satisfies Record<DepartmentSource, z.ZodTypeAny>;

/** A department record as the rules read it (a row of department_records). */
export interface DepartmentRecord {
  id: string;
  /** The import it came from: a month's medical costs are summed within one file, never across two. */
  importId?: string;
  source: DepartmentSource;
  personId: string;
  startOn: string;
  endOn: string | null;
  facts: DepartmentFacts;
}

/**
 * The warning rules. Each has its dated policy parameters (threshold, window, working-day limit for
 * disposal) under the policy key `warnings.<rule>` with a source note (shared/policy/catalog.ts).
 */
export const WARNING_RULES = [
  'medical-month', // 医疗自付 in one month at or above an amount
  'medical-year', // 医疗自付 over the last 12 months at or above an amount
  'medical-rise', // a month's 医疗自付 above the 12-month average by a percentage
  'disability-severe', // a new grade 1–2 disability, or grade 3 intellectual / mental
  'unemployment-marginal', // unemployment of a member of a 低保边缘 household
  'death-paid', // the death of anyone receiving a payment or enrolled in a programme
  'income-over-line', // an enrolled household whose recorded income passes its line
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const WARNING_RULE_LABELS: Record<WarningRule, string> = {
  'medical-month': '当月医疗自付费用较高',
  'medical-year': '12个月医疗自付费用较高',
  'medical-rise': '医疗自付费用明显上升',
  'disability-severe': '新增重度残疾',
  'unemployment-marginal': '低保边缘家庭成员失业',
  'death-paid': '在保（享受待遇）人员死亡',
  'income-over-line': '在保家庭收入超过标准',
};

/** What the inbox shows of why a warning was raised: the figures, the threshold, the rule version. */
export interface WarningTrigger {
  /** One line in Chinese, e.g. "2026年10月医疗自付 6,230.00 元，达到 5,000.00 元". */
  summary: string;
  /** The figures compared (fen, percent, dates), by name. */
  values: Record<string, string | number | null>;
}

export const WARNING_STATUSES = ['open', 'disposed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export const WARNING_DISPOSITIONS = ['to-ledger', 'verified-no-need', 'already-covered', 'data-wrong'] as const;
export type WarningDisposition = (typeof WARNING_DISPOSITIONS)[number];
export const WARNING_DISPOSITION_LABELS: Record<WarningDisposition, string> = {
  'to-ledger': '转问题台账',
  'verified-no-need': '已核实无需救助',
  'already-covered': '已在保',
  'data-wrong': '信息有误',
};
