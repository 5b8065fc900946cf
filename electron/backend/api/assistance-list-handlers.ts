/** The 救助政策 work lists and their exports: 应补尽补 and 临时救助 payments (shared/assistance/lists.ts). */
import { exportGaps, gapList } from '../services/assistance/gap-list';
import { exportTemporaryPayments, temporaryPayments } from '../services/assistance/temporary-payments';
import type { AreaHandlers } from './handlers';

export type AssistanceListProcedure = 'assistance.gapList' | 'assistance.exportGaps' | 'assistance.temporaryPayments' | 'assistance.exportTemporaryPayments';

export function assistanceListHandlers(): Pick<AreaHandlers<'assistance.'>, AssistanceListProcedure> {
  return {
    'assistance.gapList': (input, { store, actor }) => gapList(store, actor.streetCode, input),
    'assistance.exportGaps': (input, { store, actor }) => exportGaps(store, actor, input),
    'assistance.temporaryPayments': (input, { store, actor }) => temporaryPayments(store, actor.streetCode, input),
    'assistance.exportTemporaryPayments': (input, { store, actor }) => exportTemporaryPayments(store, actor, input),
  };
}
