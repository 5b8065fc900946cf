/** policy.* and assistance.* procedures. */
import { paramSpec } from '../../../shared/policy/catalog';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { listParams, settableHere } from '../services/policy/list';
import { DISTRICT_PARTITION, setParam } from '../services/policy/params';
import { advanceEnrolment, applyEnrolment, investigateEnrolment } from '../services/assistance/enrolments';
import { accountingSheet, previewInvestigation } from '../services/assistance/accounting-sheet';
import { entitlementGaps } from '../services/assistance/gaps';
import { entitlementsEnded } from '../services/assistance/entitlements-ended';
import { suspensionReview } from '../services/assistance/suspension-review';
import { previewIncomeRise, recordIncomeRise } from '../services/assistance/income-rise';
import { exportPaymentList } from '../services/assistance/payment-export';
import { paymentList } from '../services/assistance/payments';
import { enrolmentDetail, listEnrolments } from '../services/assistance/read';
import { recordTemporaryPapers } from '../services/assistance/temporary-papers';
import { decideTemporary, listTemporary, receiveTemporary, temporaryRow } from '../services/assistance/temporary';
import type { AreaHandlers } from './handlers';
import type { AssistanceListProcedure } from './assistance-list-handlers';
import type { ReviewProcedure } from './review-handlers';
import { requireUser } from './context';
import { SUPERVISORS } from '../../../shared/api/proc';
import { AppError } from '../../../shared/errors';
import { confirmImport } from '../services/assistance/imported';
import { oneTruthReport } from '../services/assistance/one-truth';

export function policyHandlers(): AreaHandlers<'policy.'> {
  return {
    'policy.listParams': (_i, { store, actor }) => listParams(store, actor.streetCode),
    'policy.setParam': (input, { store, actor }) => {
      const scope = paramSpec(input.key)?.scope;
      if (scope === 'district' && !settableHere(store, scope)) {
        throw new AppError('forbidden', '区级政策参数由区民政局统一设置，同步后自动生效，本街道设备不能修改', { field: 'key' });
      }
      return setParam(store, actor, { ...input, partition: scope === 'street' ? actor.streetCode : DISTRICT_PARTITION });
    },
  };
}

export function assistanceHandlers(): Omit<AreaHandlers<'assistance.'>, AssistanceListProcedure | ReviewProcedure> {
  return {
    'assistance.listEnrolments': (input, { store, actor }) => listEnrolments(store, actor.streetCode, input),
    'assistance.getEnrolment': (input, { store, actor }) => enrolmentDetail(store, actor.streetCode, input.id),
    'assistance.apply': (input, { store, actor }) => enrolmentDetail(store, actor.streetCode, applyEnrolment(store, actor, input)),
    'assistance.investigate': (input, { store, actor }) => {
      investigateEnrolment(store, actor, input);
      return enrolmentDetail(store, actor.streetCode, input.id);
    },
    'assistance.previewInvestigation': (input, { store, actor }) => previewInvestigation(store, actor, input),
    'assistance.accountingSheet': (input, { store, actor }) => accountingSheet(store, actor, input),
    'assistance.advance': (input, ctx) => {
      const { store, actor } = ctx;
      // Recording the approval or refusal of an enrolment is for 街道负责人 and above, not caseworkers.
      if ((input.step === 'approve' || input.step === 'reject') && !SUPERVISORS.includes(requireUser(ctx).role)) {
        throw new AppError('forbidden', '审批或不予批准须由街道负责人及以上角色办理', { field: 'step' });
      }
      advanceEnrolment(store, actor, input, requireUser(ctx).role);
      return enrolmentDetail(store, actor.streetCode, input.id);
    },
    'assistance.oneTruthReport': (_input, { store }) => ({ report: oneTruthReport(store) }),
    'assistance.confirmImport': (input, { store, actor }) => {
      confirmImport(store, actor, input.id, input.note);
      return enrolmentDetail(store, actor.streetCode, input.id);
    },
    'assistance.previewIncomeRise': (input, { store, actor }) => previewIncomeRise(store, actor, input),
    'assistance.recordIncomeRise': (input, { store, actor }) => {
      recordIncomeRise(store, actor, input);
      return enrolmentDetail(store, actor.streetCode, input.id);
    },
    'assistance.paymentList': (input, { store, actor }) => paymentList(store, actor.streetCode, input.programme, input.month),
    'assistance.exportPaymentList': (input, { store, actor }) => exportPaymentList(store, actor, input.programme, input.month),
    'assistance.entitlementGaps': (input, { store, actor }) =>
      entitlementGaps(store, actor.streetCode, input.onDate ?? shanghaiDate(store.nowDate())),
    'assistance.entitlementsEnded': (_i, { store, actor }) => entitlementsEnded(store, actor.streetCode),
    'assistance.suspensionReview': (input, { store, actor }) =>
      suspensionReview(store, actor.streetCode, input.onDate ?? shanghaiDate(store.nowDate())),
    'assistance.listTemporary': (input, { store, actor }) => listTemporary(store, actor.streetCode, input),
    'assistance.recordTemporaryPapers': (input, { store, actor }) => {
      recordTemporaryPapers(store, actor, input);
      return temporaryRow(store, actor.streetCode, input.id);
    },
    'assistance.receiveTemporary': (input, { store, actor }) => temporaryRow(store, actor.streetCode, receiveTemporary(store, actor, input)),
    'assistance.decideTemporary': (input, { store, actor }) => {
      decideTemporary(store, actor, input);
      return temporaryRow(store, actor.streetCode, input.id);
    },
  };
}
