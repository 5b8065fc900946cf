/**
 * registry Excel procedures: export of the filtered list, the import template, import preview and
 * commit. The pending imports live in the object this function creates (one per backend), keyed
 * by import id and user, so one user cannot commit another's preview.
 */
import { exportHouseholds } from '../services/registry/excel-export';
import { progressReporter } from './progress';
import { buildImportTemplate } from '../services/registry/excel-template';
import { readImportSheetApart } from '../services/registry/excel-read-thread';
import { planImport } from '../services/registry/excel-import';
import { commitImport, ImportCache } from '../services/registry/excel-import-commit';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

type ExcelProcs = Pick<
  AreaHandlers<'registry.'>,
  'registry.exportHouseholds' | 'registry.importTemplate' | 'registry.importPreview' | 'registry.importCommit'
>;

const PREVIEW_STEPS = 1000;

export function excelHandlers(): ExcelProcs {
  const pending = new ImportCache();
  return {
    'registry.exportHouseholds': async (input, { store, actor, progress }) => {
      const report = progressReporter(progress, 'registry.exportHouseholds', '正在导出 Excel');
      const file = await exportHouseholds(store, actor, input, (done, total) => report.step(done, total));
      report.finish();
      return file;
    },
    'registry.importTemplate': (_input, { store, actor }) => buildImportTemplate(store, actor.streetCode),
    'registry.importPreview': async (input, ctx) => {
      const user = requireUser(ctx);
      // One bar, in thousandths, for both stages: reading the rows (in a thread of their own) is the
      // first quarter, the three checks of each row the rest.
      const report = progressReporter(ctx.progress, 'registry.importPreview', '正在读取和检查导入文件');
      const part = (from: number, share: number) => (done: number, total: number) =>
        report.step(from + Math.floor((share * done) / Math.max(1, total)), PREVIEW_STEPS);
      report.step(0, PREVIEW_STEPS);
      const sheet = await readImportSheetApart(input.fileName, input.base64, part(0, PREVIEW_STEPS / 4));
      const plan = await planImport(ctx.store, ctx.actor.streetCode, sheet, { onChecked: part(PREVIEW_STEPS / 4, (3 * PREVIEW_STEPS) / 4) });
      report.finish();
      const importId = pending.put(
        {
          userId: user.id,
          streetCode: ctx.actor.streetCode,
          fileName: input.fileName,
          households: plan.households,
          persons: plan.persons,
        },
        ctx.store.nowDate().getTime(),
      );
      return {
        importId,
        fileName: input.fileName,
        totalRows: plan.totalRows,
        validHouseholds: plan.households.length,
        validPersons: plan.persons,
        errors: plan.errors,
      };
    },
    'registry.importCommit': async (input, ctx) => {
      const user = requireUser(ctx);
      const entry = pending.take(user.id, input.importId, ctx.store.nowDate().getTime());
      const report = progressReporter(ctx.progress, 'registry.importCommit', '正在导入家庭');
      const result = await commitImport(ctx.store, ctx.actor, entry, (done, total) => report.step(done, total));
      report.finish();
      return result;
    },
  };
}
