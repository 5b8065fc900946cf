/** The care profile: self-care assessment, care level, health and needs; the transfer to 集中供养. */
import { assessSelfCare } from '../../../../shared/care/rules';
import type { CareProfile } from '../../../../shared/care/types';
import { labelOf, SELF_CARE_LEVELS } from '../../../../shared/codes';
import { AppError } from '../../../../shared/errors';
import type { SelfCareIndicator } from '../../../../shared/care/codes';
import type { Actor, Store } from '../../store/store';
import { assertSupportedAtHome, loadCarePerson } from './people';
import { firstByPerson } from './by-person';

interface ProfileRow {
  id: string;
  person_id: string;
  self_care_met: string | null;
  self_care_level: string | null;
  care_level: string | null;
  assessed_date: string | null;
  health: string | null;
  risks: string | null;
  needs: string | null;
  supply_mode: string;
  transfer_date: string | null;
  transfer_institution: string | null;
  transfer_reason: string | null;
}

/** A person's profile is the first one made (the street's list below picks the same). */
const FIRST_MADE = 'deleted_at IS NULL ORDER BY created_at, id';

function profileRow(store: Store, personId: string): ProfileRow | undefined {
  return store.prepare(`SELECT * FROM care_profiles WHERE person_id = ? AND ${FIRST_MADE} LIMIT 1`).get(personId) as ProfileRow | undefined;
}

export function loadProfile(store: Store, personId: string): CareProfile | null {
  const r = profileRow(store, personId);
  return r ? toProfile(r) : null;
}

/** Every person's profile of the street at once, as loadProfile gives it. */
export function streetProfiles(store: Store, streetCode: string): Map<string, CareProfile> {
  const rows = firstByPerson(store.prepare(`SELECT * FROM care_profiles WHERE street_code = ? AND ${FIRST_MADE}`).all(streetCode) as ProfileRow[]);
  return new Map([...rows].map(([id, r]) => [id, toProfile(r)]));
}

function toProfile(r: ProfileRow): CareProfile {
  return {
    personId: r.person_id,
    selfCareMet: r.self_care_met ? (JSON.parse(r.self_care_met) as Record<string, boolean>) : null,
    selfCareLevel: r.self_care_level as CareProfile['selfCareLevel'],
    careLevel: r.care_level as CareProfile['careLevel'],
    assessedDate: r.assessed_date,
    health: r.health,
    risks: r.risks,
    needs: r.needs,
    supplyMode: r.supply_mode as CareProfile['supplyMode'],
    transferDate: r.transfer_date,
    transferInstitution: r.transfer_institution,
    transferReason: r.transfer_reason,
  };
}

export interface ProfileInput {
  personId: string;
  selfCareMet: Record<SelfCareIndicator, boolean>;
  assessedDate: string;
  health: string | null;
  risks: string | null;
  needs: string | null;
}

export function saveProfile(store: Store, actor: Actor, input: ProfileInput): CareProfile {
  return store.tx(() => {
    const person = loadCarePerson(store, actor.streetCode, input.personId);
    assertSupportedAtHome(person);
    const a = assessSelfCare(input.selfCareMet);
    const fields = {
      selfCareMet: input.selfCareMet,
      selfCareLevel: a.level,
      careLevel: a.careLevel,
      assessedDate: input.assessedDate,
      health: input.health,
      risks: input.risks,
      needs: input.needs,
    };
    const audit = { action: 'care.saveProfile', summary: `评估 ${person.name}：${labelOf(SELF_CARE_LEVELS, a.level)}` };
    const existing = profileRow(store, input.personId);
    if (existing) store.update('care_profiles', existing.id, fields, actor, audit);
    else store.insert('care_profiles', { ...fields, personId: input.personId, streetCode: actor.streetCode }, actor, audit);
    // The registry's 自理能力 follows the assessment.
    store.update('persons', input.personId, { selfCare: a.level }, actor, null);
    return loadProfile(store, input.personId)!;
  });
}

export function recordTransfer(
  store: Store,
  actor: Actor,
  input: { personId: string; date: string; institution: string; reason: string },
): CareProfile {
  return store.tx(() => {
    const person = loadCarePerson(store, actor.streetCode, input.personId);
    const existing = profileRow(store, input.personId);
    if (existing?.supply_mode === 'institution') throw new AppError('invalid-transition', `${person.name}已转入集中供养`);
    const fields = {
      supplyMode: 'institution',
      transferDate: input.date,
      transferInstitution: input.institution,
      transferReason: input.reason,
    };
    const audit = {
      action: 'care.recordTransfer',
      summary: `${person.name}转入集中供养（${input.institution}）`,
      detail: input,
    };
    if (existing) store.update('care_profiles', existing.id, fields, actor, audit);
    else store.insert('care_profiles', { ...fields, personId: input.personId, streetCode: actor.streetCode }, actor, audit);
    return loadProfile(store, input.personId)!;
  });
}
