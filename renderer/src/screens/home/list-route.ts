/** The screen that shows a 工作台 figure's list, with the list's filter in its URL. */
import type { WorkbenchList } from '../../../../shared/home/procedures';
import type { Route } from '../../router/routes';
import { filterToQuery, type LedgerFilter } from '../ledger/ledger-filter';

/** The filter as URL query text: true as 1 (the screens read openOnly=1 and the like). */
function query(input: WorkbenchList['input']): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (v !== false && v !== '') p.set(k, v === true ? '1' : String(v));
  return p.toString();
}

export function routeOfList(list: WorkbenchList): Route {
  const q = query(list.input);
  const filter = q ? { filter: q } : {};
  switch (list.procedure) {
    case 'screening.dueList':
      return { name: 'screening', tab: 'due', ...filter };
    case 'ledger.list': {
      const lq = filterToQuery(list.input as LedgerFilter);
      return { name: 'ledger', tab: 'items', ...(lq ? { filter: lq } : {}) };
    }
    case 'ledger.escalations':
      return { name: 'ledger', tab: 'escalations' };
    case 'assistance.listEnrolments':
      return { name: 'enrolments', programme: null, ...(typeof list.input.status === 'string' ? { status: list.input.status } : {}) };
    case 'assistance.listTemporary':
      return { name: 'temporary', ...filter };
    case 'care.renewalsDue':
      return { name: 'care' };
    case 'care.board':
      return { name: 'care', ...filter };
    case 'care.listCards':
      return { name: 'care-cards', ...filter };
    case 'batches.list':
      return { name: 'payment-batches', ...filter };
    case 'assistance.gapList':
      return { name: 'entitlement-gaps', ...filter };
    case 'assistance.reviewsDue':
      return { name: 'reviews', ...filter };
    case 'warnings.inbox':
      return { name: 'warnings', ...filter };
    case 'leftBehind.list':
      return { name: 'left-behind', ...filter };
  }
}
