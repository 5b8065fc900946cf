/**
 * The catalog of policy parameters: every effective-dated figure the rules use, with its Chinese
 * label, unit and value schema. Areas add their keys here (one entry each); values live in the
 * policy_params table, never in code. Defaults for a new street are data in defaults.ts, each with
 * its effective date and source.
 */
import { z } from 'zod';

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
};

export function paramSpec(key: string): ParamSpec | undefined {
  return Object.prototype.hasOwnProperty.call(PARAM_CATALOG, key) ? PARAM_CATALOG[key] : undefined;
}
