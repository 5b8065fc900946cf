/**
 * 应补尽补 / 按标施补: people entitled to an allowance (subsidyEntitlements) who do not receive it this
 * month, and those receiving an amount different from the standard; 应退尽退: a child allowance still
 * open past the end of the entitlement by age (paid no more from its stop month, to be exited). Orphan and de-facto-unsupported
 * status is read from the household's categories (the registry keeps them per household) for members
 * under 18.
 */
import { monthOf, subsidyEntitlements } from '../../../../shared/policy';
import type { EntitlementGap } from '../../../../shared/assistance/types';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import { requireParam } from '../policy/params';
import { ageStopMonth, amountFor, payableIn, type EnrolmentDbRow } from './amounts';

/** An enrolment not yet ended: it should be exited once the entitlement ends. */
const STILL_OPEN = ['active', 'suspended'];
import { allowanceStandard } from './figures';

interface Row {
  id: string;
  household_id: string;
  name: string;
  id_number: string;
  birth_date: string;
  disability_category: string | null;
  disability_grade: string | null;
  categories: string;
  community_name: string;
}

export function entitlementGaps(store: Store, street: string, onDate: string): EntitlementGap[] {
  const month = monthOf(onDate);
  const on = onDate;
  const categoriesParam = requireParam<string[]>(store, street, 'disability.livingSubsidyCategories', on);
  const persons = store
    .prepare(
      `SELECT p.id, p.household_id, p.name, p.id_number, p.birth_date, p.disability_category, p.disability_grade,
              h.categories, c.name AS community_name
         FROM persons p JOIN households h ON h.id = p.household_id JOIN communities c ON c.id = h.community_id
        WHERE p.street_code = ? AND p.deleted_at IS NULL AND h.deleted_at IS NULL AND h.status <> 'exited'
        ORDER BY c.sort_order, c.name, p.name`,
    )
    .all(street) as Row[];
  const enrolments = store
    .prepare(`SELECT * FROM enrolments WHERE street_code = ? AND person_id IS NOT NULL AND deleted_at IS NULL`)
    .all(street) as EnrolmentDbRow[];
  const byPerson = new Map<string, EnrolmentDbRow[]>();
  for (const e of enrolments) byPerson.set(e.person_id!, [...(byPerson.get(e.person_id!) ?? []), e]);
  const out: EntitlementGap[] = [];
  for (const p of persons) {
    const categories = JSON.parse(p.categories) as string[];
    const kinds = subsidyEntitlements(
      {
        birthDate: p.birth_date,
        isOrphan: categories.includes('orphan'),
        isUnsupportedChild: categories.includes('unsupported-child'),
        disabilityCategory: p.disability_category,
        disabilityGrade: p.disability_grade,
      },
      { categories },
      onDate,
      { disabilityLivingSubsidyCategories: categoriesParam },
    );
    const who = { personId: p.id, householdId: p.household_id, name: p.name, idMasked: maskIdNumber(p.id_number), communityName: p.community_name };
    for (const kind of kinds) {
      const standardFen = allowanceStandard(store, street, kind, on);
      const receiving = (byPerson.get(p.id) ?? []).find((e) => e.programme === kind && payableIn(store, e, month));
      const base = { ...who, subsidy: kind, standardFen };
      if (!receiving) {
        out.push({ ...base, problem: 'missing', receivedFen: null });
        continue;
      }
      if (standardFen === null) continue; // no standard set: nothing to compare with
      const received = amountFor(store, receiving, month).amountFen;
      if (received !== standardFen) out.push({ ...base, problem: 'off-standard', receivedFen: received });
    }
    // 应退尽退: an allowance still open past the end of the entitlement by age.
    for (const e of byPerson.get(p.id) ?? []) {
      const stop = ageStopMonth(store, e);
      if (stop === null || month < stop || !STILL_OPEN.includes(e.status) || (e.end_month !== null && e.end_month <= stop)) continue;
      out.push({ ...who, subsidy: e.programme as EntitlementGap['subsidy'], standardFen: null, problem: 'should-exit', receivedFen: null, stopMonth: stop });
    }
  }
  return out;
}
