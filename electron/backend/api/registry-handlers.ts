/** registry.* procedures (without Excel, see excel-handlers.ts). */
import { createHousehold, deleteHousehold, updateHousehold } from '../services/registry/households';
import { addPerson, deletePerson, movePerson, updatePerson } from '../services/registry/persons';
import { correctDeath, recordDeath, withdrawDeath } from '../services/registry/deaths';
import { raiseIncomeWarnings } from '../services/warnings/raise';
import { householdDetail, listHouseholds, personDetail, searchRegistry } from '../services/registry/read';
import type { Handlers } from './handlers';
import { actorIn, isDistrictUser, readScope } from './district';

type RegistryCore = Exclude<
  Extract<import('../../../shared/api/contract').ProcedureName, `registry.${string}`>,
  'registry.exportHouseholds' | 'registry.importTemplate' | 'registry.importPreview' | 'registry.importCommit'
>;

export function registryHandlers(): Handlers<RegistryCore> {
  return {
    'registry.listHouseholds': (input, ctx) => listHouseholds(ctx.store, readScope(ctx, input.streetCode), input),
    'registry.search': (input, { store, actor }) => searchRegistry(store, actor.streetCode, input.q, input.limit),
    'registry.getHousehold': (input, ctx) => {
      // A district user views a household of any street; the view is audited in that street.
      const street = isDistrictUser(ctx)
        ? (ctx.store.prepare('SELECT street_code FROM households WHERE id = ?').get(input.id) as { street_code: string } | undefined)?.street_code
        : undefined;
      return householdDetail(ctx.store, street ? actorIn(ctx, street, 'id') : ctx.actor, input.id, true);
    },
    'registry.createHousehold': (input, { store, actor }) => {
      const id = createHousehold(store, actor, input);
      return householdDetail(store, actor, id, false);
    },
    'registry.updateHousehold': (input, { store, actor }) => {
      updateHousehold(store, actor, input.id, input.patch);
      return householdDetail(store, actor, input.id, false);
    },
    'registry.deleteHousehold': (input, { store, actor }) => {
      deleteHousehold(store, actor, input.id, input.reason);
      return { ok: true };
    },
    'registry.addPerson': (input, { store, actor }) => {
      const id = addPerson(store, actor, input.householdId, input.person);
      // An enrolled household's income may now pass its line (预警 income-over-line).
      raiseIncomeWarnings(store, { householdIds: [input.householdId], by: actor });
      return personDetail(store, actor.streetCode, id);
    },
    'registry.updatePerson': (input, { store, actor }) => {
      updatePerson(store, actor, input.id, input.patch);
      const detail = personDetail(store, actor.streetCode, input.id);
      if (input.patch.incomes !== undefined || input.patch.employment !== undefined) raiseIncomeWarnings(store, { householdIds: [detail.householdId], by: actor });
      return detail;
    },
    'registry.movePerson': (input, { store, actor }) => {
      movePerson(store, actor, input.id, input.toHouseholdId, input.relation);
      return personDetail(store, actor.streetCode, input.id);
    },
    'registry.deletePerson': (input, { store, actor }) => {
      deletePerson(store, actor, input.id, input.reason);
      return { ok: true };
    },
    'registry.recordDeath': (input, { store, actor }) => {
      recordDeath(store, actor, input);
      return personDetail(store, actor.streetCode, input.personId);
    },
    'registry.correctDeath': (input, { store, actor }) => {
      correctDeath(store, actor, input);
      return personDetail(store, actor.streetCode, input.personId);
    },
    'registry.withdrawDeath': (input, { store, actor }) => {
      withdrawDeath(store, actor, input);
      return personDetail(store, actor.streetCode, input.personId);
    },
  };
}
