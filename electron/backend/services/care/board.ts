/** The "四有" board: for every supported person, which of the four are in place, gaps first. */
import { evaluateFourHaves, institutionalCareSuggestion, renewalReminder } from '../../../../shared/care/rules';
import type { BoardRow, CarePersonDetail } from '../../../../shared/care/types';
import { ageOn, maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import { paramOn } from '../policy/params';
import { personAgreements, renewalWindow, toAgreement } from './agreements';
import { activeCardRow, personCards } from './cards';
import { listCarePersons, loadCarePerson, personSummary, today, type CarePersonRow } from './people';
import { loadProfile } from './profiles';
import { loadPlan, personVisits } from './visits';

function boardRow(store: Store, streetCode: string, p: CarePersonRow, onDate: string, windowDays: number, defaultInterval: number): BoardRow {
  const agreements = personAgreements(store, streetCode, p.id);
  // The agreement that speaks for the person: a signed one covering today, else the latest.
  const current =
    agreements.find((a) => a.status === 'signed' && a.start_date <= onDate && onDate <= a.end_date) ?? agreements[0] ?? null;
  const card = activeCardRow(store, streetCode, p.id);
  // As it stood on the day asked about (a month's report reads a past day).
  const visits = personVisits(store, p.id).filter((v) => v.visitDate <= onDate);
  const lastVisit = visits.find((v) => v.countsAsVisit) ?? null;
  const withFindings = visits[0] ?? null;
  const plan = loadPlan(store, p.id);
  const profile = loadProfile(store, p.id);
  const interval = current?.visit_interval_days ?? defaultInterval;
  const r = evaluateFourHaves(
    {
      agreement: current
        ? { status: current.status, startDate: current.start_date, endDate: current.end_date, terminatedDate: current.terminated_date }
        : null,
      card: card
        ? { validFrom: card.valid_from, validTo: card.valid_to, serviceItems: JSON.parse(card.service_items) as string[], visitIntervalDays: card.visit_interval_days }
        : null,
      lastVisitDate: lastVisit?.visitDate ?? null,
      visitIntervalDays: interval,
      plan: plan ? { contacts: plan.contacts.length, hospital: plan.hospital, actions: plan.actions } : null,
    },
    onDate,
  );
  const suggestion = institutionalCareSuggestion(withFindings);
  return {
    personId: p.id,
    name: p.name,
    idMasked: maskIdNumber(p.id_number),
    age: ageOn(p.birth_date, onDate),
    communityId: p.community_id,
    communityName: p.community_name,
    address: p.address,
    careLevel: profile?.careLevel ?? null,
    ok: r.ok,
    gaps: r.gaps,
    nextVisitDue: r.nextVisitDue,
    lastVisitDate: lastVisit?.visitDate ?? null,
    caregiverName: current?.caregiver_name ?? null,
    activeCardId: card?.id ?? null,
    agreementId: current?.id ?? null,
    renewalDue: current
      ? renewalReminder({ status: current.status, startDate: current.start_date, endDate: current.end_date }, onDate, windowDays).due
      : false,
    institutionalSuggested: suggestion.suggested,
    institutionalReason: suggestion.reason,
  };
}

function defaults(store: Store, streetCode: string, onDate: string) {
  return {
    windowDays: renewalWindow(store, streetCode),
    interval: (paramOn(store, streetCode, 'care.visitIntervalDays', onDate)?.value as number | undefined) ?? 31,
  };
}

export function fourHavesBoard(store: Store, streetCode: string, communityId: string | null, gapsOnly: boolean): BoardRow[] {
  const d = today(store);
  const { windowDays, interval } = defaults(store, streetCode, d);
  const rows = listCarePersons(store, streetCode, communityId).map((p) => boardRow(store, streetCode, p, d, windowDays, interval));
  // Gaps first: suggested transfers, then most gaps; stable otherwise (community, pinyin).
  const rank = (r: BoardRow) => (r.institutionalSuggested ? 100 : 0) + r.gaps.length;
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i).map((x) => x.r);
  return gapsOnly ? sorted.filter((r) => r.gaps.length > 0 || r.institutionalSuggested) : sorted;
}

/** Every supported person's 四有 as they stood on a day (the monthly report), in the list's order. */
export function fourHavesOn(store: Store, streetCode: string, onDate: string): BoardRow[] {
  const { windowDays, interval } = defaults(store, streetCode, onDate);
  return listCarePersons(store, streetCode, null).map((p) => boardRow(store, streetCode, p, onDate, windowDays, interval));
}

export function carePersonDetail(store: Store, streetCode: string, personId: string): CarePersonDetail {
  const p = loadCarePerson(store, streetCode, personId);
  const d = today(store);
  const { windowDays, interval } = defaults(store, streetCode, d);
  return {
    person: personSummary(p, d),
    profile: loadProfile(store, personId),
    agreements: personAgreements(store, streetCode, personId).map((a) => toAgreement(a, d, windowDays)),
    cards: personCards(store, streetCode, personId),
    visits: personVisits(store, personId),
    plan: loadPlan(store, personId),
    board: boardRow(store, streetCode, p, d, windowDays, interval),
  };
}
