/**
 * One datum, said once: a month whose self-paid medical cost passes both the monthly threshold
 * (medical-month) and the rise rule (medical-rise) raises two warnings — they say different things
 * (an amount too high for anyone; a sudden change for this person), are versioned and disposed of
 * separately — but where they are read together (the inbox line, the ledger item opened from them)
 * the month and its amount are said once, with both findings. Everything else is said as raised. Pure.
 */
import { medicalDatum, monthFinding, riseFinding } from './rules-medical';
import { WARNING_RULE_LABELS, type WarningRule, type WarningTrigger } from './types';

export interface Sayable {
  personId: string;
  personName: string;
  rule: WarningRule;
  trigger: WarningTrigger;
}

export interface Said<W extends Sayable> {
  personName: string;
  /** The rules' labels, joined with 、 when two warnings share the datum. */
  label: string;
  summary: string;
  /** The warnings said by this line (one, or the month and rise warnings of one month). */
  warnings: W[];
}

type V = Record<string, string | number | null>;
const num = (v: V, k: string) => v[k] as number;

/** In the order given; a medical-rise joins the medical-month of the same person and month (either order). */
export function sayOnce<W extends Sayable>(warnings: readonly W[]): Said<W>[] {
  const out: Said<W>[] = [];
  const byMonth = new Map<string, Said<W>>();
  for (const w of warnings) {
    const medical = w.rule === 'medical-month' || w.rule === 'medical-rise';
    const month = w.trigger.values.month;
    const key = medical && typeof month === 'string' ? `${w.personId}|${month}` : null;
    const partner = key ? byMonth.get(key) : undefined;
    if (partner && partner.warnings.length === 1 && partner.warnings[0]!.rule !== w.rule) {
      const [month, rise] = partner.warnings[0]!.rule === 'medical-month' ? [partner.warnings[0]!, w] : [w, partner.warnings[0]!];
      const mv = month.trigger.values;
      const rv = rise.trigger.values;
      partner.warnings = [month, rise];
      partner.label = `${WARNING_RULE_LABELS[month.rule]}、${WARNING_RULE_LABELS[rise.rule]}`;
      partner.summary =
        `${medicalDatum({ month: String(mv.month), selfPaidFen: num(mv, 'selfPaidFen') })}，${monthFinding({ thresholdFen: num(mv, 'thresholdFen') })}；` +
        riseFinding({
          averageFen: num(rv, 'averageFen'),
          windowMonths: num(rv, 'windowMonths'),
          risePercent: rv.risePercent === null ? null : num(rv, 'risePercent'),
          thresholdPercent: num(rv, 'thresholdPercent'),
        });
      continue;
    }
    const said: Said<W> = { personName: w.personName, label: WARNING_RULE_LABELS[w.rule], summary: w.trigger.summary, warnings: [w] };
    out.push(said);
    if (key && !partner) byMonth.set(key, said);
  }
  return out;
}
