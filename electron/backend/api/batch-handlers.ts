/** batches.* procedures: monthly payment batches (发放批次, issue 12). */
import { exportBankFile, exportRoster } from '../services/assistance/batch-export';
import { batchForMonth, confirmBatch, generateBatchYielding, getBatch, listBatches, markBatchPaid } from '../services/assistance/batches';
import { progressReporter } from './progress';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

export function batchHandlers(): AreaHandlers<'batches.'> {
  return {
    'batches.list': (input, { store, actor }) => listBatches(store, actor.streetCode, input),
    'batches.generate': async (input, { store, actor, progress }) => {
      const report = progressReporter(progress, 'batches.generate', '正在生成发放批次');
      const batch = await generateBatchYielding(store, actor, input.programme, input.month, (s) => report.step(s.done, s.total));
      report.finish();
      return batch;
    },
    'batches.forMonth': (input, { store, actor }) => ({ batch: batchForMonth(store, actor.streetCode, input.programme, input.month) }),
    'batches.get': (input, { store, actor }) => getBatch(store, actor.streetCode, input.id),
    'batches.confirm': (input, ctx) => confirmBatch(ctx.store, ctx.actor, requireUser(ctx).role, input.id),
    'batches.markPaid': (input, { store, actor }) => markBatchPaid(store, actor, input.id),
    'batches.exportBankFile': (input, { store, actor }) => exportBankFile(store, actor, input.id),
    'batches.exportRoster': (input, { store, actor }) => exportRoster(store, actor, input.id),
  };
}
