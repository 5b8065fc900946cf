/** The trend of the plan's measures by month (issue 15): one point per month, oldest first. */
import { addMonths } from '../policy/months';
import type { StreetMeasures } from './monthly-report';

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  /** False for the current month so far. */
  complete: boolean;
  measures: StreetMeasures;
}

export const TREND_MIN_MONTHS = 6;
export const TREND_MAX_MONTHS = 12;

/** The `n` months ending with `current`, oldest first. */
export function trendMonths(current: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(current, i - n + 1));
}
