/** Opening, updating and closing a 留守 record: the kind's rule checked on the day, per person. */
import { AppError } from '../../../../shared/errors';
import { labelOf } from '../../../../shared/codes';
import type { LeftBehindRecordView } from '../../../../shared/left-behind/procedures';
import { ageOutOn, eligibilityProblem } from '../../../../shared/left-behind/rules';
import {
  LEFT_BEHIND_CLOSE_REASONS,
  LEFT_BEHIND_KINDS,
  type LeftBehindCloseReason,
  type LeftBehindDetails,
  type LeftBehindKind,
} from '../../../../shared/left-behind/types';
import type { Actor, Store } from '../../store/store';
import { today } from '../care/people';
import { leftBehindParams } from './params';
import { getLeftBehind } from './read';

interface PersonRow {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  household_id: string;
  died_on: string | null;
}

function loadPerson(store: Store, streetCode: string, personId: string): PersonRow {
  const p = store
    .prepare('SELECT id, name, sex, birth_date, household_id, died_on FROM persons WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(personId, streetCode) as PersonRow | undefined;
  if (!p) throw new AppError('not-found', '人员不存在或已被删除', { field: 'personId' });
  return p;
}

function assertNotFuture(store: Store, date: string, field: string, label: string): void {
  const d = today(store);
  if (date > d) throw new AppError('invalid-input', `${label}不能晚于今天（${d}）`, { field });
}

function checkRule(store: Store, streetCode: string, kind: LeftBehindKind, p: PersonRow, details: LeftBehindDetails, onDate: string): void {
  const problem = eligibilityProblem(kind, { sex: p.sex, birthDate: p.birth_date }, details, onDate, leftBehindParams(store, streetCode, onDate));
  if (problem) throw new AppError('left-behind-not-eligible', `${p.name}：${problem.message}`, { field: problem.field });
}

function detailFields(d: LeftBehindDetails) {
  return {
    reason: d.reason,
    reasonNote: d.reasonNote,
    awayMembers: d.away,
    guardianName: d.guardianName,
    guardianRelation: d.guardianRelation,
    guardianPhone: d.guardianPhone,
    school: d.school,
    livingArrangement: d.livingArrangement,
    notes: d.notes,
  };
}

export function openLeftBehind(
  store: Store,
  actor: Actor,
  input: LeftBehindDetails & { personId: string; kind: LeftBehindKind; openedOn: string },
): LeftBehindRecordView {
  return store.tx(() => {
    const p = loadPerson(store, actor.streetCode, input.personId);
    const kindLabel = labelOf(LEFT_BEHIND_KINDS, input.kind);
    if (p.died_on) throw new AppError('invalid-transition', `${p.name}已登记死亡，不能建立${kindLabel}档案`, { field: 'personId' });
    assertNotFuture(store, input.openedOn, 'openedOn', '建档日期');
    const existing = store
      .prepare('SELECT id FROM left_behind_records WHERE person_id = ? AND kind = ? AND closed_on IS NULL AND deleted_at IS NULL LIMIT 1')
      .get(p.id, input.kind);
    if (existing) throw new AppError('duplicate', `${p.name}已有在档的${kindLabel}档案，请更新原档案`, { field: 'kind' });
    checkRule(store, actor.streetCode, input.kind, p, input, input.openedOn);
    const id = store.insert(
      'left_behind_records',
      {
        ...detailFields(input),
        streetCode: actor.streetCode,
        personId: p.id,
        householdId: p.household_id,
        kind: input.kind,
        openedOn: input.openedOn,
        lastUpdatedOn: input.openedOn,
      },
      actor,
      { action: 'leftBehind.open', summary: `建立${kindLabel}档案：${p.name}` },
    );
    return getLeftBehind(store, actor.streetCode, id);
  });
}

function openRecord(store: Store, streetCode: string, id: string) {
  const r = getLeftBehind(store, streetCode, id);
  if (r.closedOn) throw new AppError('invalid-transition', `该${labelOf(LEFT_BEHIND_KINDS, r.kind)}档案已于${r.closedOn}关闭；情况再次出现请新建档案`);
  return r;
}

/** The facts checked again on the day: a person who no longer fits is closed, not kept by an update. */
export function updateLeftBehind(store: Store, actor: Actor, input: LeftBehindDetails & { id: string; updatedOn: string }): LeftBehindRecordView {
  return store.tx(() => {
    const r = openRecord(store, actor.streetCode, input.id);
    assertNotFuture(store, input.updatedOn, 'updatedOn', '核实日期');
    if (input.updatedOn < r.lastUpdatedOn) {
      throw new AppError('invalid-input', `核实日期不能早于上次更新日期（${r.lastUpdatedOn}）`, { field: 'updatedOn' });
    }
    checkRule(store, actor.streetCode, r.kind, loadPerson(store, actor.streetCode, r.personId), input, input.updatedOn);
    // The check itself is the update: the date moves even when no fact changed.
    store.update('left_behind_records', r.id, { ...detailFields(input), lastUpdatedOn: input.updatedOn }, actor, {
      action: 'leftBehind.update',
      summary: `更新${labelOf(LEFT_BEHIND_KINDS, r.kind)}档案：${r.personName}（核实日期 ${input.updatedOn}）`,
    });
    return getLeftBehind(store, actor.streetCode, r.id);
  });
}

export function closeLeftBehind(
  store: Store,
  actor: Actor,
  input: { id: string; closedOn: string; reason: LeftBehindCloseReason; note: string | null },
): LeftBehindRecordView {
  return store.tx(() => {
    const r = openRecord(store, actor.streetCode, input.id);
    assertNotFuture(store, input.closedOn, 'closedOn', '关闭日期');
    if (input.closedOn < r.openedOn) throw new AppError('invalid-input', `关闭日期不能早于建档日期（${r.openedOn}）`, { field: 'closedOn' });
    if (input.reason === 'age-out') {
      const p = loadPerson(store, actor.streetCode, r.personId);
      const limit = leftBehindParams(store, actor.streetCode, input.closedOn).childAgeBelow;
      const day = r.kind === 'child' ? ageOutOn(p.birth_date, limit) : null;
      if (!day || input.closedOn < day) {
        throw new AppError('invalid-input', day ? `${r.personName}于${day}年满${limit}周岁，“已满年龄”的关闭日期不能早于该日` : '只有留守儿童档案可以按“已满年龄”关闭', { field: 'reason' });
      }
    }
    if (input.reason === 'other' && !input.note) throw new AppError('invalid-input', '关闭原因为“其他情况变化”时请填写关闭说明', { field: 'note' });
    store.update('left_behind_records', r.id, { closedOn: input.closedOn, closeReason: input.reason, closeNote: input.note }, actor, {
      action: 'leftBehind.close',
      summary: `关闭${labelOf(LEFT_BEHIND_KINDS, r.kind)}档案：${r.personName}（${labelOf(LEFT_BEHIND_CLOSE_REASONS, input.reason)}，${input.closedOn}）`,
    });
    return getLeftBehind(store, actor.streetCode, r.id);
  });
}
