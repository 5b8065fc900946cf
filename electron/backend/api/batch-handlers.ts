/** batches.* procedures: monthly payment batches (发放批次, issue 12). */
import { exportBankFile, exportRoster } from '../services/assistance/batch-export';
import { batchForMonth, confirmBatch, generateBatch, getBatch, listBatches, markBatchPaid } from '../services/assistance/batches';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

export function batchHandlers(): AreaHandlers<'batches.'> {
  return {
    'batches.list': (input, { store, actor }) => listBatches(store, actor.streetCode, input.programme),
    'batches.generate': (input, { store, actor }) => generateBatch(store, actor, input.programme, input.month),
    'batches.forMonth': (input, { store, actor }) => ({ batch: batchForMonth(store, actor.streetCode, input.programme, input.month) }),
    'batches.get': (input, { store, actor }) => getBatch(store, actor.streetCode, input.id),
    'batches.confirm': (input, ctx) => confirmBatch(ctx.store, ctx.actor, requireUser(ctx).role, input.id),
    'batches.markPaid': (input, { store, actor }) => markBatchPaid(store, actor, input.id),
    'batches.exportBankFile': (input, { store, actor }) => exportBankFile(store, actor, input.id),
    'batches.exportRoster': (input, { store, actor }) => exportRoster(store, actor, input.id),
  };
}
