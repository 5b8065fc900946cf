/**
 * The catalog of policy parameters: every effective-dated figure the rules use, with its Chinese
 * label, unit and value schema. Areas add their keys here (one entry each); values live in the
 * policy_params table, never in code. Defaults for a new street are data in defaults.ts, each with
 * its effective date and source.
 */
import { z } from 'zod';
import { CadencePolicySchema } from '../screening/cadence';
import { HolidayCalendarSchema, UrgencyLimitsSchema } from '../ledger/deadlines';

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
  // screening and issue ledger (issue 4)
  'screening.cadence': { label: '走访排查频次（群体与月/周/日排查）', unit: 'json', schema: CadencePolicySchema, scope: 'street' },
  'ledger.urgencyLimits': { label: '问题台账分级处置时限', unit: 'json', schema: UrgencyLimitsSchema, scope: 'street' },
  'calendar.holidays': { label: '节假日与调休工作日', unit: 'json', schema: HolidayCalendarSchema, scope: 'street' },
};

export function paramSpec(key: string): ParamSpec | undefined {
  return Object.prototype.hasOwnProperty.call(PARAM_CATALOG, key) ? PARAM_CATALOG[key] : undefined;
}
