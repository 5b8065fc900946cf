/** reports.* procedures of the 报送 and the district view (issue 15). */
import { AppError } from '../../../shared/errors';
import { draftCircular, getCircular, listCirculars, publishCircular, saveCircular } from '../services/reports/circulars';
import { compareStreets, rankingOf } from '../services/reports/district';
import { getSubmission, listSubmissions, submitReport } from '../services/reports/submissions';
import { isDistrictUser, readScope } from './district';
import { requireUser, type CallContext } from './context';
import type { reportSnapshotProcedures } from '../../../shared/reports/snapshots';
import type { Handlers } from './handlers';

/** The district view runs on a district PC, for its users. */
function requireDistrict(ctx: CallContext): void {
  if (!isDistrictUser(ctx)) throw new AppError('forbidden', '各街道对比、排名和通报只能在区级设备上由区级用户使用');
}

/** Only this part's reports.* procedures (the monthly report's own are another module's). */
export function reportSnapshotHandlers(): Handlers<keyof typeof reportSnapshotProcedures> {
  return {
    'reports.submit': (input, ctx) => {
      if (isDistrictUser(ctx)) throw new AppError('forbidden', '区级用户不能报送街道月报');
      return submitReport(ctx.store, ctx.actor, requireUser(ctx).displayName, input.month, input.reason);
    },
    'reports.submissions': (input, ctx) => listSubmissions(ctx.store, { streetCode: readScope(ctx, input.streetCode), month: input.month }),
    'reports.submission': (input, ctx) => getSubmission(ctx.store, input.id, readScope(ctx)),
    'reports.compare': (input, ctx) => (requireDistrict(ctx), compareStreets(ctx.store, input.month)),
    'reports.ranking': (input, ctx) => (requireDistrict(ctx), rankingOf(ctx.store, input.month)),
    'reports.circularDraft': (input, ctx) => (requireDistrict(ctx), draftCircular(ctx.store, input.month)),
    'reports.saveCircular': (input, ctx) => (requireDistrict(ctx), saveCircular(ctx.store, ctx.actor, input)),
    'reports.publishCircular': (input, ctx) => (requireDistrict(ctx), publishCircular(ctx.store, ctx.actor, requireUser(ctx).displayName, input.id)),
    'reports.districtCirculars': (input, ctx) => (requireDistrict(ctx), listCirculars(ctx.store, { month: input.month, publishedOnly: false, streetCode: null })),
    'reports.circulars': (_input, ctx) => listCirculars(ctx.store, { publishedOnly: true, streetCode: readScope(ctx) }),
    'reports.circular': (input, ctx) => getCircular(ctx.store, input.id, readScope(ctx)),
  };
}
