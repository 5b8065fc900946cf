/** Visit records (append-only) and emergency plans (one per person). */
import { countsAsVisit } from '../../../../shared/care/rules';
import type { EmergencyPlan, Visit } from '../../../../shared/care/types';
import { labelOf } from '../../../../shared/codes';
import { VISITOR_KINDS } from '../../../../shared/care/codes';
import { AppError } from '../../../../shared/errors';
import { createItem } from '../ledger/items';
import type { Actor, Store } from '../../store/store';
import { loadCarePerson, today } from './people';
import { byPerson, firstByPerson } from './by-person';

interface VisitRow {
  id: string;
  person_id: string;
  visit_date: string;
  visitor_kind: string;
  visitor_name: string;
  org_name: string | null;
  method: string;
  services: string;
  content: string;
  findings: string | null;
  care_failed: number;
  conditions_poor: number;
  no_other_carer: number;
}

function toVisit(r: VisitRow): Visit {
  const services = JSON.parse(r.services) as string[];
  return {
    id: r.id,
    personId: r.person_id,
    visitDate: r.visit_date,
    visitorKind: r.visitor_kind,
    visitorName: r.visitor_name,
    orgName: r.org_name,
    method: r.method,
    services,
    content: r.content,
    findings: r.findings,
    careFailed: r.care_failed === 1,
    conditionsPoor: r.conditions_poor === 1,
    noOtherCarer: r.no_other_carer === 1,
    countsAsVisit: countsAsVisit({ visitorKind: r.visitor_kind, services }),
  };
}

/** Latest first (the street's list below keeps the same order per person). */
const LATEST_FIRST = 'ORDER BY visit_date DESC, created_at DESC, id';

export function personVisits(store: Store, personId: string): Visit[] {
  const rows = store.prepare(`SELECT * FROM care_visits WHERE person_id = ? AND deleted_at IS NULL ${LATEST_FIRST}`).all(personId) as VisitRow[];
  return rows.map(toVisit);
}

/** Every person's visits of the street at once, each as personVisits gives them. */
export function streetVisits(store: Store, streetCode: string): Map<string, Visit[]> {
  const rows = store.prepare(`SELECT * FROM care_visits WHERE street_code = ? AND deleted_at IS NULL ${LATEST_FIRST}`).all(streetCode) as VisitRow[];
  return new Map([...byPerson(rows)].map(([id, list]) => [id, list.map(toVisit)]));
}

/** What staff enter for a visit: the visit without its id and what the rules work out. */
export type VisitInput = Omit<Visit, 'id' | 'countsAsVisit'>;

export function recordVisit(store: Store, actor: Actor, input: VisitInput): Visit {
  return store.tx(() => {
    const person = loadCarePerson(store, actor.streetCode, input.personId);
    if (input.visitDate > today(store)) throw new AppError('invalid-input', '探访日期不能晚于今天', { field: 'visitDate' });
    if (input.visitorKind === 'social-org' && !input.orgName) {
      throw new AppError('invalid-input', '社会组织提供的服务须填写社会组织名称', { field: 'orgName' });
    }
    const id = store.insert('care_visits', { ...input, streetCode: actor.streetCode }, actor, {
      action: 'care.recordVisit',
      summary: `探访记录：${person.name}，${input.visitDate}，${labelOf(VISITOR_KINDS, input.visitorKind)} ${input.visitorName}`,
    });
    if (input.careFailed) {
      // Care not given is a problem for the issue ledger, opened in the same step; with bad
      // conditions and no other carer it is urgent (the plan's case for 集中供养, 二(三)).
      const { household_id } = store.prepare('SELECT household_id FROM persons WHERE id = ?').get(input.personId) as {
        household_id: string;
      };
      const urgent = input.conditionsPoor && input.noOtherCarer;
      createItem(store, actor, {
        source: 'visit',
        householdId: household_id,
        personId: input.personId,
        category: 'care',
        urgency: urgent ? '1' : '2',
        description: `探访发现照料服务未落实：${person.name}（${input.visitDate}）${input.findings ? `，${input.findings}` : ''}`.slice(0, 500),
        handlerName: null,
        immediate: false,
        dueAt: null,
      });
    }
    return toVisit(store.prepare('SELECT * FROM care_visits WHERE id = ?').get(id) as VisitRow);
  });
}

interface PlanRow {
  id: string;
  person_id: string;
  contacts: string;
  hospital: string | null;
  hospital_phone: string | null;
  conditions: string | null;
  actions: string | null;
  updated_at: string;
}

/** A person's plan is the first one made (the street's list below picks the same). */
const FIRST_MADE = 'deleted_at IS NULL ORDER BY created_at, id';

export function loadPlan(store: Store, personId: string): EmergencyPlan | null {
  const r = store.prepare(`SELECT * FROM care_plans WHERE person_id = ? AND ${FIRST_MADE} LIMIT 1`).get(personId) as PlanRow | undefined;
  return r ? toPlan(r) : null;
}

/** Every person's plan of the street at once, as loadPlan gives it. */
export function streetPlans(store: Store, streetCode: string): Map<string, EmergencyPlan> {
  const rows = firstByPerson(store.prepare(`SELECT * FROM care_plans WHERE street_code = ? AND ${FIRST_MADE}`).all(streetCode) as PlanRow[]);
  return new Map([...rows].map(([id, r]) => [id, toPlan(r)]));
}

function toPlan(r: PlanRow): EmergencyPlan {
  return {
    personId: r.person_id,
    contacts: JSON.parse(r.contacts) as EmergencyPlan['contacts'],
    hospital: r.hospital,
    hospitalPhone: r.hospital_phone,
    conditions: r.conditions,
    actions: r.actions,
    updatedAt: r.updated_at,
  };
}

export interface PlanInput {
  personId: string;
  contacts: { name: string; relation: string | null; phone: string | null }[];
  hospital: string | null;
  hospitalPhone: string | null;
  conditions: string | null;
  actions: string | null;
}

export function savePlan(store: Store, actor: Actor, input: PlanInput): EmergencyPlan {
  return store.tx(() => {
    const person = loadCarePerson(store, actor.streetCode, input.personId);
    const existing = store
      .prepare('SELECT id FROM care_plans WHERE person_id = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1')
      .get(input.personId) as { id: string } | undefined;
    const { personId, ...fields } = input;
    const audit = { action: 'care.savePlan', summary: `保存应急预案：${person.name}` };
    if (existing) store.update('care_plans', existing.id, fields, actor, audit);
    else store.insert('care_plans', { ...fields, personId, streetCode: actor.streetCode }, actor, audit);
    return loadPlan(store, input.personId)!;
  });
}
