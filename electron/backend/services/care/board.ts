/** The "四有" board: for every supported person, which of the four are in place, gaps first. */
import { evaluateFourHaves, institutionalCareSuggestion, renewalReminder } from '../../../../shared/care/rules';
import type { BoardRow, CareProfile, CarePersonDetail, EmergencyPlan, Visit } from '../../../../shared/care/types';
import { ageOn, maskIdNumber } from '../../../../shared/id-number';
import type { Store } from '../../store/store';
import { paramOn } from '../policy/params';
import { personAgreements, renewalWindow, streetAgreements, toAgreement, type AgreementRow } from './agreements';
import { activeCardRow, personCards, streetActiveCards, type CardRow } from './cards';
import { listCarePersons, loadCarePerson, personSummary, today, type CarePersonRow } from './people';
import { loadProfile, streetProfiles } from './profiles';
import { loadPlan, personVisits, streetPlans, streetVisits } from './visits';

/** What a board row is worked out from, per person: read one person at a time or the whole street at once. */
interface BoardInputs {
  agreements(personId: string): AgreementRow[];
  card(personId: string): CardRow | undefined;
  visits(personId: string): Visit[];
  plan(personId: string): EmergencyPlan | null;
  profile(personId: string): CareProfile | null;
}

function personInputs(store: Store, streetCode: string): BoardInputs {
  return {
    agreements: (id) => personAgreements(store, streetCode, id),
    card: (id) => activeCardRow(store, streetCode, id),
    visits: (id) => personVisits(store, id),
    plan: (id) => loadPlan(store, id),
    profile: (id) => loadProfile(store, id),
  };
}

/** The board of many persons: one query per kind of record for the street, not five per person. */
function streetInputs(store: Store, streetCode: string): BoardInputs {
  const [agreements, cards, visits, plans, profiles] = [
    streetAgreements(store, streetCode),
    streetActiveCards(store, streetCode),
    streetVisits(store, streetCode),
    streetPlans(store, streetCode),
    streetProfiles(store, streetCode),
  ];
  return {
    agreements: (id) => agreements.get(id) ?? [],
    card: (id) => cards.get(id),
    visits: (id) => visits.get(id) ?? [],
    plan: (id) => plans.get(id) ?? null,
    profile: (id) => profiles.get(id) ?? null,
  };
}

function boardRow(inputs: BoardInputs, p: CarePersonRow, onDate: string, windowDays: number, defaultInterval: number): BoardRow {
  const agreements = inputs.agreements(p.id);
  // The agreement that speaks for the person: a signed one covering today, else the latest.
  const current =
    agreements.find((a) => a.status === 'signed' && a.start_date <= onDate && onDate <= a.end_date) ?? agreements[0] ?? null;
  const card = inputs.card(p.id);
  // As it stood on the day asked about (a month's report reads a past day).
  const visits = inputs.visits(p.id).filter((v) => v.visitDate <= onDate);
  const lastVisit = visits.find((v) => v.countsAsVisit) ?? null;
  const withFindings = visits[0] ?? null;
  const plan = inputs.plan(p.id);
  const profile = inputs.profile(p.id);
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
  const inputs = streetInputs(store, streetCode);
  const rows = listCarePersons(store, streetCode, communityId).map((p) => boardRow(inputs, p, d, windowDays, interval));
  // Gaps first: suggested transfers, then most gaps; stable otherwise (community, pinyin).
  const rank = (r: BoardRow) => (r.institutionalSuggested ? 100 : 0) + r.gaps.length;
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i).map((x) => x.r);
  return gapsOnly ? sorted.filter((r) => r.gaps.length > 0 || r.institutionalSuggested) : sorted;
}

/** Every supported person's 四有 as they stood on a day (the monthly report), in the list's order. */
export function fourHavesOn(store: Store, streetCode: string, onDate: string): BoardRow[] {
  const { windowDays, interval } = defaults(store, streetCode, onDate);
  const inputs = streetInputs(store, streetCode);
  return listCarePersons(store, streetCode, null).map((p) => boardRow(inputs, p, onDate, windowDays, interval));
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
    board: boardRow(personInputs(store, streetCode), p, d, windowDays, interval),
  };
}
