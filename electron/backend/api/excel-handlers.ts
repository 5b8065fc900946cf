/**
 * registry Excel procedures: export of the filtered list, the import template, import preview and
 * commit. The pending imports live in the object this function creates (one per backend), keyed
 * by import id and user, so one user cannot commit another's preview.
 */
import { exportHouseholds } from '../services/registry/excel-export';
import { progressReporter } from './progress';
import { buildImportTemplate } from '../services/registry/excel-template';
import { readImportSheet } from '../services/registry/excel-import-read';
import { planImport } from '../services/registry/excel-import';
import { commitImport, ImportCache } from '../services/registry/excel-import-commit';
import { requireUser } from './context';
import type { AreaHandlers } from './handlers';

type ExcelProcs = Pick<
  AreaHandlers<'registry.'>,
  'registry.exportHouseholds' | 'registry.importTemplate' | 'registry.importPreview' | 'registry.importCommit'
>;

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
      const sheet = await readImportSheet(input.fileName, input.base64);
      const plan = await planImport(ctx.store, ctx.actor.streetCode, sheet);
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
