/**
 * warnings.* department-data intake (issue 17): template, preview (read in a thread of its own,
 * checked here), commit of the user's own preview, and the street's imports. Previews wait in an
 * ImportCache (30 minutes, per user) like the registry import's.
 */
import { AppError } from '../../../shared/errors';
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { departmentDataProcedures } from '../../../shared/warnings/procedures';
import { ImportCache } from '../services/registry/excel-import-commit';
import { readDepartmentFileApart } from '../services/registry/excel-read-thread';
import { planDepartmentImport } from '../services/warnings/intake-check';
import { assertFileNew, commitDepartmentImport, fileSha256, listDepartmentImports, type PendingDepartmentImport } from '../services/warnings/intake';
import { buildDepartmentTemplate } from '../services/warnings/intake-template';
import { requireUser } from './context';
import type { Handlers } from './handlers';
import { progressReporter } from './progress';

const PREVIEW_STEPS = 1000;

export function warningsIntakeHandlers(): Handlers<keyof typeof departmentDataProcedures> {
  const pending = new ImportCache<PendingDepartmentImport>(undefined, 'previewId');
  return {
    'warnings.importTemplate': (input, { store }) => buildDepartmentTemplate(store, input.source),
    'warnings.importPreview': async (input, ctx) => {
      const user = requireUser(ctx);
      const today = shanghaiDate(ctx.store.nowDate());
      if (input.periodStartOn > input.periodEndOn) {
        throw new AppError('invalid-input', `数据期间止（${input.periodEndOn}）不能早于数据期间起（${input.periodStartOn}）`, { field: 'periodEndOn' });
      }
      if (input.periodEndOn > today) {
        throw new AppError('invalid-input', `数据期间止（${input.periodEndOn}）不能晚于今天（${today}）`, { field: 'periodEndOn' });
      }
      const sha = fileSha256(input.base64);
      assertFileNew(ctx.store, ctx.actor.streetCode, sha);
      const report = progressReporter(ctx.progress, 'warnings.importPreview', '正在读取和检查部门数据');
      const part = (from: number, share: number) => (done: number, total: number) =>
        report.step(from + Math.floor((share * done) / Math.max(1, total)), PREVIEW_STEPS);
      report.step(0, PREVIEW_STEPS);
      const sheet = await readDepartmentFileApart(input.source, input.fileName, input.base64, part(0, PREVIEW_STEPS / 4));
      const period = { startOn: input.periodStartOn, endOn: input.periodEndOn };
      const plan = await planDepartmentImport(ctx.store, ctx.actor.streetCode, input.source, period, sheet.rows, {
        onChecked: part(PREVIEW_STEPS / 4, (3 * PREVIEW_STEPS) / 4),
      });
      report.finish();
      const previewId = pending.put(
        { userId: user.id, userName: user.displayName, streetCode: ctx.actor.streetCode, source: input.source, fileName: input.fileName, fileSha256: sha, period, plan },
        ctx.store.nowDate().getTime(),
      );
      return {
        previewId,
        source: input.source,
        fileName: input.fileName,
        periodStartOn: input.periodStartOn,
        periodEndOn: input.periodEndOn,
        totalRows: plan.totalRows,
        matchedRows: plan.records.length,
        unmatchedRows: plan.unmatched,
        clueRows: plan.clues.length,
        errors: plan.errors,
      };
    },
    'warnings.importCommit': async (input, ctx) => {
      const user = requireUser(ctx);
      const entry = pending.take(user.id, input.previewId, ctx.store.nowDate().getTime());
      const report = progressReporter(ctx.progress, 'warnings.importCommit', '正在导入部门数据');
      const result = await commitDepartmentImport(ctx.store, ctx.actor, entry, (done, total) => report.step(done, total));
      report.finish();
      return result;
    },
    'warnings.listImports': (input, { store, actor }) => listDepartmentImports(store, actor.streetCode, input.source),
  };
}
