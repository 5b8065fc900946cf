/** warnings.* of the 预警 inbox: the list grouped by household, dispositions, the district's rates. */
import type { warningsProcedures } from '../../../shared/warnings/procedures';
import { listInbox } from '../services/warnings/inbox';
import { disposeWarnings } from '../services/warnings/dispose';
import { districtRates } from '../services/warnings/rates';
import { requireUser } from './context';
import { readScope } from './district';
import type { Handlers } from './handlers';

export function warningsHandlers(): Handlers<keyof typeof warningsProcedures> {
  return {
    'warnings.inbox': (input, ctx) => listInbox(ctx.store, readScope(ctx), input),
    'warnings.dispose': (input, ctx) => disposeWarnings(ctx.store, ctx.actor, readScope(ctx), input, requireUser(ctx).displayName),
    'warnings.districtRates': (_input, ctx) => districtRates(ctx.store),
  };
}
