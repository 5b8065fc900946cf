/** registry Excel procedures: export, template, import preview and commit. (Being written.) */
import { AppError } from '../../../shared/errors';
import type { AreaHandlers } from './handlers';

type ExcelProcs = Pick<
  AreaHandlers<'registry.'>,
  'registry.exportHouseholds' | 'registry.importTemplate' | 'registry.importPreview' | 'registry.importCommit'
>;

export function excelHandlers(): ExcelProcs {
  const pending = () => {
    throw new AppError('internal', 'Excel 功能尚未完成');
  };
  return {
    'registry.exportHouseholds': pending,
    'registry.importTemplate': pending,
    'registry.importPreview': pending,
    'registry.importCommit': pending,
  };
}
