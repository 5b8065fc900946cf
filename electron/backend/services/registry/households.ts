/** Writing households: create with members, edit, soft delete with its members. */
import { AppError } from '../../../../shared/errors';
import type { CreateHouseholdInput, HouseholdPatch } from '../../../../shared/registry/schemas';
import type { Actor, Store } from '../../store/store';
import { householdLeaves } from '../assistance/exits';
import { insertPerson } from './persons';
import { loadHouseholdRow } from './read';
import { ASSISTANCE_CATEGORIES, labelOf } from '../../../../shared/codes';
import { isProgrammeCategory, situationTags } from '../../../../shared/assistance/programme-categories';
import { importProgrammes, type ImportTerms } from '../assistance/imported';
import { householdProgrammes } from '../assistance/programme-categories';

/** Community and grid must exist in the actor's street, and the grid must belong to the community. */
export function assertPlacement(store: Store, streetCode: string, communityId: string, gridId: string | null, prefix: string) {
  const c = store
    .prepare('SELECT id FROM communities WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
    .get(communityId, streetCode);
  if (!c) throw new AppError('invalid-input', '所属社区不存在', { field: `${prefix}communityId` });
  if (gridId) {
    const g = store
      .prepare('SELECT community_id FROM grids WHERE id = ? AND street_code = ? AND deleted_at IS NULL')
      .get(gridId, streetCode) as { community_id: string } | undefined;
    if (!g) throw new AppError('invalid-input', '所属网格不存在', { field: `${prefix}gridId` });
    if (g.community_id !== communityId) {
      throw new AppError('invalid-input', '所属网格不在所选社区内', { field: `${prefix}gridId` });
    }
  }
}

/**
 * `ids`: the household's and members' ids when the caller derives them (a 待登记线索's
 * registration, shared/ledger/clue-ids.ts); omitted, fresh ones. A programme among the categories
 * (a household registered from existing data, the Excel import) becomes an imported enrolment on
 * `terms`, never a tag (one truth, services/assistance/imported.ts).
 */
export function createHousehold(
  store: Store,
  actor: Actor,
  input: CreateHouseholdInput,
  ids?: { household: string; member: (index: number) => string },
  terms?: ImportTerms,
): string {
  return store.tx(() => {
    const h = input.household;
    assertPlacement(store, actor.streetCode, h.communityId, h.gridId, 'household.');
    const values = { ...h, categories: situationTags(h.categories), ...(ids ? { id: ids.household } : {}), streetCode: actor.streetCode };
    const id = store.insert('households', values, actor, {
      action: 'registry.createHousehold',
      summary: `新建家庭：${h.address}`,
    });
    input.members.forEach((m, i) => insertPerson(store, actor, id, m, `members.${i}.`, ids?.member(i)));
    importProgrammes(store, actor, id, h.categories.filter(isProgrammeCategory), terms);
    return id;
  });
}

/** An edit keeps situation tags only; a programme the household does not hold in force is for 纳入救助, not the form. */
function tagsOfPatch(store: Store, id: string, categories: readonly string[]): string[] {
  const held = new Set<string>(householdProgrammes(store, id));
  const missing = categories.filter((c) => isProgrammeCategory(c) && !held.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => `“${labelOf(ASSISTANCE_CATEGORIES, c)}”`).join('、');
    throw new AppError('programme-by-enrolment', `救助类别${names}须经“纳入救助”办理（申请、调查、审核、公示、审批），不能在家庭信息中勾选`, {
      field: 'patch.categories',
    });
  }
  return situationTags(categories);
}

export function updateHousehold(store: Store, actor: Actor, id: string, patch: HouseholdPatch): void {
  store.tx(() => {
    const h = loadHouseholdRow(store, actor.streetCode, id);
    const communityId = patch.communityId ?? h.community_id;
    const movedCommunity = patch.communityId !== undefined && patch.communityId !== h.community_id;
    // Moving to another community drops a grid that is not given anew: grids belong to one community.
    const gridId = patch.gridId !== undefined ? patch.gridId : movedCommunity ? null : h.grid_id;
    if (patch.communityId !== undefined || patch.gridId !== undefined) {
      assertPlacement(store, actor.streetCode, communityId, gridId, 'patch.');
    }
    // Marking a household 已退出 ends what it is paid: the one exit rule decides first.
    if (patch.status === 'exited' && h.status !== 'exited') householdLeaves(store, actor, id, 'household-exited', '家庭状态改为已退出');
    const categories = patch.categories !== undefined ? { categories: tagsOfPatch(store, id, patch.categories) } : {};
    store.update('households', id, { ...patch, ...categories, gridId }, actor, {
      action: 'registry.updateHousehold',
      summary: `修改家庭信息：${patch.address ?? h.address}`,
    });
  });
}

export function deleteHousehold(store: Store, actor: Actor, id: string, reason: string): void {
  store.tx(() => {
    const h = loadHouseholdRow(store, actor.streetCode, id);
    householdLeaves(store, actor, id, 'household-deleted', reason);
    const members = store
      .prepare('SELECT id, name FROM persons WHERE household_id = ? AND deleted_at IS NULL')
      .all(id) as { id: string; name: string }[];
    for (const m of members) {
      store.softDelete('persons', m.id, actor, null);
    }
    store.softDelete('households', id, actor, {
      action: 'registry.deleteHousehold',
      summary: `删除家庭：${h.address}（${members.length}人）：${reason}`,
      detail: { reason, personIds: members.map((m) => m.id) },
    });
  });
}
