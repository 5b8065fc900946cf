/** Writing persons: add, edit, move between households, soft delete. */
import { AppError } from '../../../../shared/errors';
import { parseIdNumber } from '../../../../shared/id-number';
import { HEAD_RELATION, labelOf, RELATIONS } from '../../../../shared/codes';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { PersonInput, PersonPatch } from '../../../../shared/registry/schemas';
import type { Actor, Store } from '../../store/store';
import { personLeaves } from '../assistance/exits';
import { nameInitials, namePinyin } from './names';
import { loadHouseholdRow, loadPersonRow } from './read';
import type { PersonRow } from './rows';

/** Refuses an ID number that is active in another household, naming that household. */
export function assertIdNumberFree(store: Store, idNumber: string, exceptPersonId: string | null, field: string): void {
  const holder = store
    .prepare(
      `SELECT p.id, p.name, h.address, h.street_code,
              (SELECT name FROM persons WHERE household_id = h.id AND relation = '02' AND deleted_at IS NULL LIMIT 1) AS head
       FROM persons p JOIN households h ON h.id = p.household_id
       WHERE p.id_number = ? AND p.deleted_at IS NULL`,
    )
    .get(idNumber) as { id: string; name: string; address: string; head: string | null } | undefined;
  if (holder && holder.id !== exceptPersonId) {
    const who = holder.head ? `户主${holder.head}` : '户主未定';
    throw new AppError(
      'id-number-in-use',
      `身份证号码已登记在另一户：${holder.address}（${who}）的成员 ${holder.name}，同一身份证号码不能同时在两户`,
      { field, details: { personId: holder.id } },
    );
  }
}

function assertSingleHead(store: Store, householdId: string, exceptPersonId: string | null): void {
  const head = store
    .prepare(`SELECT id, name FROM persons WHERE household_id = ? AND relation = '02' AND deleted_at IS NULL AND died_on IS NULL`)
    .get(householdId) as { id: string; name: string } | undefined;
  if (head && head.id !== exceptPersonId) {
    throw new AppError('duplicate', `该家庭已有户主（${head.name}），请先修改原户主的与户主关系`, { field: 'relation' });
  }
}

/**
 * Columns derived from the name and the ID number. `today` (Shanghai) bounds the birth date: every
 * write from a user gives it; the generated demo street leaves it out.
 */
export function derivedPersonFields(p: { name?: string; idNumber?: string }, today?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.name !== undefined) {
    out.namePinyin = namePinyin(p.name);
    out.nameInitials = nameInitials(p.name);
  }
  if (p.idNumber !== undefined) {
    const r = parseIdNumber(p.idNumber, today);
    if (!r.ok) throw new AppError('id-number-invalid', r.message, { field: 'idNumber' });
    out.sex = r.info.sex;
    out.birthDate = r.info.birthDate;
  }
  return out;
}

export function insertPerson(
  store: Store,
  actor: Actor,
  householdId: string,
  input: PersonInput,
  fieldPrefix = 'person.',
  id?: string,
): string {
  assertIdNumberFree(store, input.idNumber, null, `${fieldPrefix}idNumber`);
  if (input.relation === HEAD_RELATION) assertSingleHead(store, householdId, null);
  return store.insert(
    'persons',
    { ...input, ...derivedPersonFields(input, shanghaiDate(store.nowDate())), ...(id ? { id } : {}), householdId, streetCode: actor.streetCode },
    actor,
    { action: 'registry.addPerson', summary: `登记人员 ${input.name}（${labelOf(RELATIONS, input.relation)}）` },
  );
}

export function addPerson(store: Store, actor: Actor, householdId: string, input: PersonInput): string {
  return store.tx(() => {
    loadHouseholdRow(store, actor.streetCode, householdId);
    return insertPerson(store, actor, householdId, input);
  });
}

export function updatePerson(store: Store, actor: Actor, id: string, patch: PersonPatch): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, id);
    if (patch.idNumber !== undefined && patch.idNumber !== p.id_number) {
      assertIdNumberFree(store, patch.idNumber, id, 'patch.idNumber');
    }
    if (patch.relation === HEAD_RELATION && p.relation !== HEAD_RELATION) assertSingleHead(store, p.household_id, id);
    const merged = { category: patch.disabilityCategory, grade: patch.disabilityGrade };
    // Category and grade go together; a patch may carry one only if the other is already set.
    const cat = merged.category !== undefined ? merged.category : p.disability_category;
    const grade = merged.grade !== undefined ? merged.grade : p.disability_grade;
    if (!!cat !== !!grade) {
      throw new AppError('invalid-input', '残疾类别和残疾等级须同时填写或同时留空', {
        field: cat ? 'patch.disabilityGrade' : 'patch.disabilityCategory',
      });
    }
    store.update('persons', id, { ...patch, ...derivedPersonFields(patch, shanghaiDate(store.nowDate())) }, actor, {
      action: 'registry.updatePerson',
      summary: `修改人员信息：${patch.name ?? p.name}`,
    });
  });
}

export function movePerson(store: Store, actor: Actor, id: string, toHouseholdId: string, relation: string): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, id);
    const target = loadHouseholdRow(store, actor.streetCode, toHouseholdId);
    if (p.household_id === toHouseholdId) {
      throw new AppError('nothing-to-do', '目标家庭与当前家庭相同', { field: 'toHouseholdId' });
    }
    assertNotLastHeadWithOthers(store, p, '迁出');
    if (relation === HEAD_RELATION) assertSingleHead(store, toHouseholdId, null);
    personLeaves(store, actor, p, 'person-moved', `迁至家庭：${target.address}`, toHouseholdId);
    store.update('persons', id, { householdId: toHouseholdId, relation }, actor, {
      action: 'registry.movePerson',
      summary: `人员 ${p.name} 迁至家庭：${target.address}`,
      detail: { from: p.household_id, to: toHouseholdId, relation },
    });
  });
}

/** The head cannot leave a household that still has other members. */
function assertNotLastHeadWithOthers(store: Store, p: PersonRow, verb: string): void {
  if (p.relation !== HEAD_RELATION) return;
  const others = (
    store
      .prepare('SELECT count(*) AS n FROM persons WHERE household_id = ? AND id <> ? AND deleted_at IS NULL')
      .get(p.household_id, p.id) as { n: number }
  ).n;
  if (others > 0) {
    throw new AppError('prerequisite-missing', `${p.name}是户主，家庭中还有其他成员：请先将其他成员设为户主后再${verb}`, {
      field: 'id',
    });
  }
}

export function deletePerson(store: Store, actor: Actor, id: string, reason: string): void {
  store.tx(() => {
    const p = loadPersonRow(store, actor.streetCode, id);
    assertNotLastHeadWithOthers(store, p, '删除');
    personLeaves(store, actor, p, 'person-removed', reason);
    store.softDelete('persons', id, actor, {
      action: 'registry.deletePerson',
      summary: `删除人员 ${p.name}：${reason}`,
      detail: { reason, householdId: p.household_id },
    });
  });
}
