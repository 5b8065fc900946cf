/** reports.* procedures: the monthly 调度 report of the user's street (a district user names one). */
import { AppError } from '../../../shared/errors';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { buildMonthlyReport } from '../services/reports/monthly';
import { actorIn } from './district';
import type { Handlers } from './handlers';
import type { reportsProcedures } from '../../../shared/reports/procedures';

export function reportHandlers(): Handlers<keyof typeof reportsProcedures> {
  return {
    'reports.monthly': (input, ctx) => {
      const { streetCode } = actorIn(ctx, input.streetCode);
      if (input.month > shanghaiDate(ctx.store.nowDate()).slice(0, 7)) {
        throw new AppError('invalid-input', '统计月份不能晚于本月', { field: 'month' });
      }
      return buildMonthlyReport(ctx.store, { streetCode, month: input.month });
    },
  };
}
