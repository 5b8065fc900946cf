/**
 * The catalog of policy parameters: every effective-dated figure the rules use, with its Chinese
 * label, unit and value schema. Areas add their keys here (one entry each); values live in the
 * policy_params table, never in code. Defaults for a new street are data in defaults.ts, each with
 * its effective date and source.
 */
import { z } from 'zod';
import { AgreementTemplateSchema } from '../care/template';

export type ParamUnit = 'fen' | 'hours' | 'working-days' | 'months' | 'percent' | 'count' | 'boolean' | 'list' | 'json';

export interface ParamSpec {
  label: string;
  unit: ParamUnit;
  /** Validates a value of this key. */
  schema: z.ZodType;
  /** Who may set it: the district for everyone, or a street for itself. */
  scope: 'district' | 'street';
}

const fen = z.number().int().min(0);

export const PARAM_CATALOG: Record<string, ParamSpec> = {
  'dibao.standard': { label: '城乡低保标准（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  // 照料服务 (issue 6)
  'care.subsidy.self-care': { label: '照料护理补贴·自理（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'care.subsidy.semi-disabled': { label: '照料护理补贴·半失能（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'care.subsidy.disabled': { label: '照料护理补贴·失能（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'care.visitIntervalDays': { label: '定期探访最长间隔（天）', unit: 'count', schema: z.number().int().min(1).max(366), scope: 'district' },
  'care.renewalNoticeDays': { label: '照料协议到期前提醒续签（天）', unit: 'count', schema: z.number().int().min(0).max(366), scope: 'district' },
  'care.agreementTermMonths': { label: '照料协议默认期限', unit: 'months', schema: z.number().int().min(1).max(60), scope: 'district' },
  'care.cardValidityMonths': { label: '照料服务卡有效期', unit: 'months', schema: z.number().int().min(1).max(60), scope: 'district' },
  'care.supervisionHotline': { label: '照料服务监督电话', unit: 'json', schema: z.string().min(3).max(40), scope: 'street' },
  'care.agreementTemplate': { label: '委托照料服务协议范本', unit: 'json', schema: AgreementTemplateSchema, scope: 'district' },
};

export function paramSpec(key: string): ParamSpec | undefined {
  return Object.prototype.hasOwnProperty.call(PARAM_CATALOG, key) ? PARAM_CATALOG[key] : undefined;
}
