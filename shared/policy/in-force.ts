/** Effective-dated values: the one in force on a date is the latest whose date has come. */
export interface Dated<T> {
  effectiveFrom: string;
  value: T;
}

export function valueInForce<T>(records: readonly Dated<T>[], onDate: string): T | null {
  let best: Dated<T> | null = null;
  for (const r of records) {
    if (r.effectiveFrom <= onDate && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best ? best.value : null;
}
