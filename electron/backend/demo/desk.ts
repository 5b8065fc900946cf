/**
 * The office desk the demo history works at: each step is a call of a procedure's own handler, its
 * input checked by the contract's schema and its role by the contract's access list, as a demo user
 * (never the system). So every row, change, audit event and derived state is what real use makes.
 * No sessions: the caller is the loader itself, inside the load's transaction.
 */
import { contract, type InputOf, type OutputOf, type ProcedureName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/codes';
import type { CallContext, SignedInUser } from '../api/context';
import type { Handler, Handlers } from '../api/handlers';
import { assistanceHandlers, policyHandlers } from '../api/assistance-handlers';
import { batchHandlers } from '../api/batch-handlers';
import { generateBatch } from '../services/assistance/batches';
import { careHandlers } from '../api/care-handlers';
import { ledgerHandlers } from '../api/ledger-handlers';
import { leftBehindHandlers } from '../api/left-behind-handlers';
import { reviewHandlers } from '../api/review-handlers';
import { registryHandlers } from '../api/registry-handlers';
import { screeningHandlers } from '../api/screening-handlers';
import { SessionStore } from '../services/auth/sessions';
import type { Store } from '../store/store';

type DeskProcedure = keyof ReturnType<typeof deskHandlers>;

function deskHandlers() {
  return {
    ...screeningHandlers(),
    ...ledgerHandlers(),
    ...assistanceHandlers(),
    ...batchHandlers(),
    // The procedure works in turns of its own transaction; the desk is inside the load's already.
    'batches.generate': ((input, { store, actor }) => generateBatch(store, actor, input.programme, input.month)) as Handler<'batches.generate'>,
    ...careHandlers(),
    ...registryHandlers(),
    ...policyHandlers(),
    ...leftBehindHandlers(),
    ...reviewHandlers(),
  };
}

export interface Desk {
  call<P extends DeskProcedure & ProcedureName>(user: SignedInUser, procedure: P, input: InputOf<P>): OutputOf<P>;
}

export function openDesk(store: Store): Desk {
  const handlers = deskHandlers() as Partial<Handlers>;
  const sessions = new SessionStore(() => store.nowDate().getTime());
  return {
    call(user, procedure, input) {
      const def = contract[procedure];
      if (Array.isArray(def.access) && !(def.access as readonly Role[]).includes(user.role)) {
        throw new Error(`demo history: ${user.username} (${user.role}) may not call ${procedure}`);
      }
      const ctx: CallContext = {
        store,
        sessions,
        token: null,
        user,
        actor: { userId: user.id, username: user.username, streetCode: user.streetCode },
        progress: () => undefined,
      };
      const handler = handlers[procedure] as Handler<typeof procedure>;
      const out = handler(def.input.parse(input) as never, ctx);
      if (out instanceof Promise) throw new Error(`demo history: ${procedure} is not synchronous`);
      return out as OutputOf<typeof procedure>;
    },
  };
}
