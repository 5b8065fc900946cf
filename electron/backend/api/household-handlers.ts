/** household.* procedures: the household's file (一户一档). */
import { householdFile, recordFilePrint } from '../services/household/file';
import { requireUser, type CallContext } from './context';
import { actorIn, householdStreet, isDistrictUser } from './district';
import type { AreaHandlers } from './handlers';

/** A district user reads and prints a household of any street, in that street. */
function actorFor(ctx: CallContext, householdId: string) {
  return isDistrictUser(ctx) ? actorIn(ctx, householdStreet(ctx.store, householdId), 'id') : ctx.actor;
}

export function householdHandlers(): AreaHandlers<'household.'> {
  return {
    'household.file': (input, ctx) => householdFile(ctx.store, actorFor(ctx, input.id).streetCode, input.id, requireUser(ctx).role),
    'household.recordPrint': (input, ctx) => recordFilePrint(ctx.store, actorFor(ctx, input.id), input.id, input.mode),
  };
}
