/** assistance.* procedures: enrolments, income rises, payment lists, 应补尽补, temporary assistance. */
import { z } from 'zod';
import { proc, STAFF, SUPERVISORS } from '../api/proc';
import { zCode, zDate, zFen, zId, zInt, zMonth, zOptText, zText } from '../api/zh';
import type { FileOut } from '../registry/types';
import type { EndedEntitlements } from './entitlements-ended';
import { ENROLMENT_STATUSES, PROGRAMMES, TEMP_PAPERS, TEMP_TYPES } from './codes';
import type {
  AccountingSheet,
  EnrolmentDetail,
  EnrolmentRow,
  EntitlementGap,
  IncomeRisePreview,
  InvestigationPreview,
  OneTruthReport,
  PaymentList,
  SuspensionReview,
  TemporaryRow,
} from './types';


export const IncomeRiseSchema = z.strictObject({
  id: zId('保障记录'),
  reportMonth: zMonth('申报月份'),
  /** The day the household reported: the rules in force that day apply (default: today in the report month). */
  reportedOn: zDate('申报日期').optional(),
  riseFromEmployment: z.boolean({ error: '是否因劳动就业增收必须选择' }),
  selfReported: z.boolean({ error: '是否主动申报必须选择' }),
  incomeClearlyRisen: z.boolean({ error: '收入是否明显增加必须选择' }).default(false),
  basicLivingSecure: z.boolean({ error: '基本生活是否确能保障必须选择' }).default(false),
  /** New wages recorded by the caseworker (replace the member's wage items), and who works away. */
  members: z
    .array(
      z.strictObject({
        personId: zId('成员'),
        wageFen: zFen('月工资').nullish(),
        workingAwayOrReturned: z.boolean({ error: '是否外出务工必须选择' }).default(false),
      }),
    )
    .max(30, { error: '成员不能超过30人' })
    .default([]),
  note: zOptText('说明', 500, { multiline: true }),
});

const InvestigateSchema = z.strictObject({
  id: zId('保障记录'),
  coveredPersons: zInt('保障人数', 1, 30).optional(),
  workingAwayPersonIds: z.array(zId('成员'), { error: '外出务工成员必须是列表' }).max(30, { error: '外出务工成员不能超过30人' }).default([]),
  note: zOptText('调查情况', 500, { multiline: true }),
});

export const assistanceProcedures = {
  'assistance.listEnrolments': proc<EnrolmentRow[]>()(
    z.strictObject({
      programme: zCode('救助项目', PROGRAMMES).optional(),
      status: zCode('状态', ENROLMENT_STATUSES).optional(),
      householdId: zId('家庭').optional(),
    }),
    STAFF,
  ),
  'assistance.getEnrolment': proc<EnrolmentDetail>()(z.strictObject({ id: zId('保障记录') }), STAFF),
  'assistance.apply': proc<EnrolmentDetail>()(
    z.strictObject({
      programme: zCode('救助项目', PROGRAMMES),
      householdId: zId('家庭'),
      personId: zId('人员').nullish(),
      note: zOptText('申请说明', 500, { multiline: true }),
    }),
    STAFF,
  ),
  'assistance.investigate': proc<EnrolmentDetail>()(InvestigateSchema, STAFF),
  /** The working the 入户调查 would record, shown before anyone approves; writes nothing. */
  'assistance.previewInvestigation': proc<InvestigationPreview>()(InvestigateSchema, STAFF),
  /** The 核算单 of the stored working, for the print route (audited as a print). */
  'assistance.accountingSheet': proc<AccountingSheet>()(
    z.strictObject({ id: zId('保障记录'), mode: z.enum(['print', 'pdf', 'preview'], { error: '打印方式无效' }) }),
    STAFF,
  ),
  'assistance.advance': proc<EnrolmentDetail>()(
    z.strictObject({
      id: zId('保障记录'),
      step: z.enum(['street-review', 'publish', 'approve', 'reject', 'periodic-review', 'suspend', 'resume', 'exit'], {
        error: '办理环节无效',
      }),
      note: zOptText('意见', 500, { multiline: true }),
      publicFrom: zDate('公示开始日期').optional(),
      publicTo: zDate('公示结束日期').optional(),
      month: zMonth('月份').optional(),
      /** 区级审批 recorded at the street on behalf of the district: the district's document and date. */
      districtDocNo: zOptText('区级审批文号', 60),
      districtApprovedOn: zDate('区级审批日期').optional(),
      /** Approval although the assessed income is not within the programme's line: why. */
      overrideReason: zOptText('超出标准仍予批准的原因', 500),
      /** An exit while exits are suspended: the plan's two conditions, recorded (shared/policy/exit-rule.ts). */
      incomeClearlyRisen: z.boolean({ error: '家庭收入是否明显提高必须选择' }).optional(),
      basicLivingSecure: z.boolean({ error: '基本生活是否确能保障必须选择' }).optional(),
    }),
    STAFF,
  ),
  /** What the start-up migration to one truth changed (系统管理), or null before it ran. */
  'assistance.oneTruthReport': proc<{ report: OneTruthReport | null }>()(z.strictObject({}), STAFF),
  /** 确认导入: an imported enrolment checked by the office (caseworker or supervisor). */
  'assistance.confirmImport': proc<EnrolmentDetail>()(
    z.strictObject({ id: zId('保障记录'), note: zOptText('确认说明', 500, { multiline: true }) }),
    STAFF,
  ),
  'assistance.previewIncomeRise': proc<IncomeRisePreview>()(IncomeRiseSchema, STAFF),
  'assistance.recordIncomeRise': proc<EnrolmentDetail>()(IncomeRiseSchema, STAFF),
  'assistance.paymentList': proc<PaymentList>()(
    z.strictObject({ programme: zCode('救助项目', PROGRAMMES), month: zMonth('发放月份') }),
    STAFF,
  ),
  'assistance.exportPaymentList': proc<FileOut>()(
    z.strictObject({ programme: zCode('救助项目', PROGRAMMES), month: zMonth('发放月份') }),
    STAFF,
  ),
  'assistance.entitlementGaps': proc<EntitlementGap[]>()(z.strictObject({ onDate: zDate('核查日期').optional() }), STAFF),
  /** 应退尽退 after a death: every person whose entitlements a recorded death ended, what stopped, the 扣回. */
  'assistance.entitlementsEnded': proc<EndedEntitlements[]>()(z.strictObject({}), STAFF),
  /** 暂停退出结束后复核: households held at their amount while exits were suspended, once it has ended. */
  'assistance.suspensionReview': proc<SuspensionReview>()(z.strictObject({ onDate: zDate('核查日期').optional() }), STAFF),
  'assistance.listTemporary': proc<TemporaryRow[]>()(
    z.strictObject({
      openOnly: z.boolean({ error: '是否只看未办结必须选择' }).default(false),
      /** Only 先行救助 whose papers are still owed after their due day. */
      papersOverdue: z.boolean({ error: '是否只看材料逾期必须选择' }).default(false),
      /** Only one type (急难型: the 24-hour clock). */
      type: zCode('救助类型', TEMP_TYPES).optional(),
    }),
    STAFF,
  ),
  'assistance.receiveTemporary': proc<TemporaryRow>()(
    z.strictObject({
      householdId: zId('家庭'),
      personId: zId('人员').nullish(),
      type: zCode('救助类型', TEMP_TYPES),
      reason: zText('困难情形', { max: 500, multiline: true }),
      amountFen: zFen('拟救助金额').refine((v) => v > 0, { error: '拟救助金额必须大于0' }),
    }),
    STAFF,
  ),
  'assistance.decideTemporary': proc<TemporaryRow>()(
    z.strictObject({
      id: zId('临时救助申请'),
      action: z.enum(['approve', 'reject', 'pay', 'refer'], { error: '办理动作无效' }),
      note: zOptText('意见', 500, { multiline: true }),
      referral: zOptText('转介去向', 200, { multiline: true }),
      /** 先行救助 (approve only, urgent cases): the papers owed; their due day comes from the parameter. */
      papersOwed: z.array(zCode('待补材料', TEMP_PAPERS), { error: '待补材料必须是列表' }).max(TEMP_PAPERS.length, { error: '待补材料项目过多' }).optional(),
      papersOther: zOptText('其他待补材料', 100),
    }),
    SUPERVISORS,
  ),
  /** Papers received for a 先行救助; the last one completes them. */
  'assistance.recordTemporaryPapers': proc<TemporaryRow>()(
    z.strictObject({
      id: zId('临时救助申请'),
      received: z.array(zCode('补交材料', TEMP_PAPERS), { error: '补交材料必须是列表' }).min(1, { error: '请选择已补交的材料' }).max(TEMP_PAPERS.length, { error: '补交材料项目过多' }),
      note: zOptText('说明', 200),
    }),
    STAFF,
  ),
} as const;
