/**
 * 留守 records in the demo year (work plan 二(四)): in most households the generator tagged 留守, the
 * office records the persons the rules name (shared/left-behind/rules.ts) — the children under the age
 * limit whose parents both work away, the wife whose husband has worked away for months, the elderly
 * whose children are all away — through the records' own procedures, and checks each record again
 * every cadence. A few records were not checked in time (逾期未更新); a child who reached the age limit
 * during the year is closed on the day; a few tagged households are still waiting (待建档).
 */
import { AppError } from '../../../shared/errors';
import { addDays, addMonths } from '../../../shared/time/calendar-days';
import type { LeftBehindDetails, LeftBehindKind } from '../../../shared/left-behind/types';
import { ageOutOn } from '../../../shared/left-behind/rules';
import { leftBehindParams } from '../services/left-behind/params';
import { fullName } from './names';
import { mobilePhone } from './places';
import { shanghaiAt, type HistoryPlan } from './history';
import type { Rng } from './random';

/** Tagged households the office has recorded; the rest wait as 待建档. */
const RECORDED = 0.85;
/** Records whose last check was not done (stale on the load's day). */
const LAPSED = 0.08;
const CITIES = ['北京市朝阳区', '天津市滨海新区', '河北省廊坊市', '江苏省苏州市', '广东省深圳市', '山东省青岛市', '浙江省宁波市', '上海市浦东新区'];
const SCHOOLS = ['新立村小学', '东丽区第一百中学', '新立中心小学', '东丽区实验小学'];

interface Member {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  relation: string;
}

const yearOf = (d: string) => Number(d.slice(0, 4));
const ageOn = (birth: string, on: string) => yearOf(on) - yearOf(birth) - (on.slice(5) < birth.slice(5) ? 1 : 0);

export function playLeftBehind(plan: HistoryPlan, rng: Rng): void {
  const street = plan.store.getMeta('street_code') ?? '';
  const p = leftBehindParams(plan.store, street, plan.today);
  const membersOf = plan.store.prepare('SELECT id, name, sex, birth_date, relation FROM persons WHERE household_id = ? AND deleted_at IS NULL AND died_on IS NULL ORDER BY birth_date, name');
  const tagged = plan.households.filter((h) => h.status === 'active' && h.categories.some((c) => c.startsWith('left-behind-')));
  for (const h of tagged) {
    if (!rng.chance(RECORDED)) continue;
    const members = membersOf.all(h.id) as Member[];
    const openedOn = addDays(plan.today, -rng.int(20, 340));
    const since = (monthsBefore: number) => addMonths(openedOn, -monthsBefore);
    const records: { person: Member; kind: LeftBehindKind; details: LeftBehindDetails }[] = [];
    const base = { reasonNote: null, guardianName: null, guardianRelation: null, guardianPhone: null, school: null, livingArrangement: null, notes: null };
    if (h.categories.includes('left-behind-child')) {
      const guardian = members.filter((m) => ageOn(m.birth_date, openedOn) >= 50).sort((a, b) => (a.birth_date < b.birth_date ? 1 : -1))[0];
      for (const c of members.filter((m) => ageOn(m.birth_date, openedOn) < p.childAgeBelow)) {
        const surname = c.name.slice(0, 1);
        const parentYear = yearOf(c.birth_date) - rng.int(24, 32);
        const away = [
          { name: fullName(rng, 'male', parentYear, surname), relation: 'father' as const, whereabouts: rng.pick(CITIES), since: since(rng.int(8, 60)) },
          { name: fullName(rng, 'female', parentYear + rng.int(0, 3)), relation: 'mother' as const, whereabouts: rng.pick(CITIES), since: since(rng.int(8, 60)) },
        ];
        const details = {
          ...base,
          reason: 'both-parents-away' as const,
          away,
          guardianName: guardian?.name ?? fullName(rng, 'female', parentYear - 25, surname),
          guardianRelation: guardian ? (guardian.sex === 'male' ? '祖父' : '祖母') : '其他亲属',
          guardianPhone: mobilePhone(rng),
          school: ageOn(c.birth_date, openedOn) >= 6 ? rng.pick(SCHOOLS) : null,
        };
        records.push({ person: c, kind: 'child', details });
      }
    }
    if (h.categories.includes('left-behind-woman')) {
      const husband = members.find((m) => m.sex === 'male' && ['02', '10', '11'].includes(m.relation));
      const wife = members.find((m) => m.sex === 'female' && ['02', '10', '12'].includes(m.relation) && ageOn(m.birth_date, openedOn) >= p.womanAgeFrom);
      if (husband && wife) {
        const away = [{ name: husband.name, relation: 'spouse' as const, whereabouts: rng.pick(CITIES), since: since(rng.int(p.spouseAwayMonths + 1, 72)) }];
        records.push({ person: wife, kind: 'woman', details: { ...base, reason: 'spouse-away', away } });
      }
    }
    if (h.categories.includes('left-behind-elderly')) {
      const elderly = members.filter((m) => ageOn(m.birth_date, openedOn) >= p.elderlyAgeFrom);
      const children = [
        { name: fullName(rng, 'male', yearOf(elderly[0]?.birth_date ?? '1955') + 27, elderly.find((m) => m.sex === 'male')?.name.slice(0, 1)), relation: 'son' as const },
        ...(rng.chance(0.5) ? [{ name: fullName(rng, 'female', yearOf(elderly[0]?.birth_date ?? '1955') + 30), relation: 'daughter' as const }] : []),
      ].map((c) => ({ ...c, whereabouts: rng.pick(CITIES), since: since(rng.int(12, 120)) }));
      for (const e of elderly) {
        const details = { ...base, reason: 'children-all-away' as const, away: children, livingArrangement: elderly.length > 1 ? ('with-spouse' as const) : ('alone' as const) };
        records.push({ person: e, kind: 'elderly', details });
      }
    }
    for (const r of records) keepRecord(plan, rng, r.person, r.kind, r.details, openedOn, p.updateCadenceMonths, p.childAgeBelow);
  }
}

/** Opens the record, checks it again each cadence (a few lapse), closes a child's on the day they reach the limit. */
function keepRecord(plan: HistoryPlan, rng: Rng, person: Member, kind: LeftBehindKind, details: LeftBehindDetails, openedOn: string, cadence: number, childAgeBelow: number): void {
  const { desk, staff } = plan;
  const ageOut = kind === 'child' ? ageOutOn(person.birth_date, childAgeBelow) : null;
  const ends = ageOut !== null && ageOut < plan.today ? ageOut : null;
  let id = '';
  // A person the year has changed meanwhile (moved, died) is not recorded, or no longer checked.
  const tried = (run: () => void) => {
    try {
      run();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  };
  plan.at(shanghaiAt(openedOn, '09:40'), () => tried(() => (id = desk.call(staff.caseworker, 'leftBehind.open', { personId: person.id, kind, openedOn, ...details }).id)));
  const checks: string[] = [];
  for (let day = addDays(addMonths(openedOn, cadence), -rng.int(0, 12)); day < (ends ?? plan.today); day = addDays(addMonths(day, cadence), -rng.int(0, 12))) {
    checks.push(day);
  }
  if (!ends && checks.length > 0 && rng.chance(LAPSED)) checks.pop();
  for (const day of checks) {
    plan.at(shanghaiAt(day, '15:10'), () => id && tried(() => desk.call(staff.caseworker, 'leftBehind.update', { id, updatedOn: day, ...details })));
  }
  if (ends) {
    plan.at(shanghaiAt(ends, '16:00'), () => id && tried(() => desk.call(staff.caseworker, 'leftBehind.close', { id, closedOn: ends, reason: 'age-out', note: null })));
  }
}
