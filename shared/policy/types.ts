/** Output shapes of the policy.* procedures. */
import type { ParamUnit } from './catalog';

export interface ParamRecord {
  id: string;
  key: string;
  value: unknown;
  effectiveFrom: string;
  /** 'district' or a street code. */
  partition: string;
  note: string | null;
  updatedAt: string;
}

export interface ParamListItem {
  key: string;
  label: string;
  unit: ParamUnit;
  scope: 'district' | 'street';
  /** False at a street PC enrolled with the district: district-wide figures come from the district. */
  settableHere: boolean;
  /** The value in force today (Asia/Shanghai), null if none yet. */
  current: ParamRecord | null;
  /** Every dated value, newest first (future ones included). */
  history: ParamRecord[];
}
