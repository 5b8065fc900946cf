/** reports.exportMonthly and reports.trend: the monthly report's Excel file and the measures by month. */
import { AppError } from '../../../shared/errors';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { exportMonthly } from '../services/reports/export-monthly';
import { monthlyTrend } from '../services/reports/trend';
import { actorIn } from './district';
import type { Handlers } from './handlers';

export function reportExportHandlers(): Handlers<'reports.exportMonthly' | 'reports.trend'> {
  return {
    'reports.exportMonthly': (input, ctx) => {
      // A district user names the street (else 请选择街道); a street user reports on their own.
      const actor = actorIn(ctx, input.streetCode);
      const current = shanghaiDate(ctx.store.nowDate()).slice(0, 7);
      if (input.month > current) throw new AppError('invalid-input', `报表月份不能晚于本月（${current}）`, { field: 'month' });
      return exportMonthly(ctx.store, actor, { streetCode: actor.streetCode, month: input.month });
    },
    'reports.trend': (input, ctx) => monthlyTrend(ctx.store, { streetCode: actorIn(ctx, input.streetCode).streetCode, months: input.months }),
  };
}
