/**
 * The catalog of policy parameters: every effective-dated figure the rules use, with its Chinese
 * label, unit and value schema. Areas add their keys here (one entry each); values live in the
 * policy_params table, never in code. Defaults for a new street are data in defaults.ts, each with
 * its effective date and source.
 */
import { z } from 'zod';
import { CadencePolicySchema } from '../screening/cadence';
import { HolidayCalendarSchema, UrgencyLimitsSchema } from '../ledger/deadlines';
import { AgreementTemplateSchema } from '../care/template';
import { LaggingLinesSchema } from '../reports/lagging';
import { WARNING_RULE_PARAM_SCHEMAS } from '../warnings/rule-params';

export type ParamUnit = 'fen' | 'hours' | 'working-days' | 'months' | 'percent' | 'count' | 'boolean' | 'list' | 'json';

export interface ParamSpec {
  label: string;
  unit: ParamUnit;
  /** Validates a value of this key. */
  schema: z.ZodType;
  /** Who may set it: the district for everyone, or a street for itself. */
  scope: 'district' | 'street';
}

const fen = z.number().int().min(0);
const percent = z.number().int().min(0).max(1000);
const bool = z.boolean();
const positiveInt = z.number().int().min(1).max(1000);
const categoryList = z.array(z.string().min(1).max(40)).max(20);
/** GB/T 26341-2010 grades ('1'…'4') and category digits ('1'…'7'). */
const gradeList = z.array(z.enum(['1', '2', '3', '4'])).max(4);
const disabilityCategoryList = z.array(z.enum(['1', '2', '3', '4', '5', '6', '7'])).max(7);

/**
 * Periods (the epidemic rules, the suspension of exits) are boolean keys: `true` from the day they
 * start, `false` from the day they end; the history shows the period.
 */
export const PARAM_CATALOG: Record<string, ParamSpec> = {
  'dibao.standard': { label: '城乡低保标准（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  // screening and issue ledger (issue 4)
  'screening.cadence': { label: '走访排查频次（群体与月/周/日排查）', unit: 'json', schema: CadencePolicySchema, scope: 'street' },
  'ledger.urgencyLimits': { label: '问题台账分级处置时限', unit: 'json', schema: UrgencyLimitsSchema, scope: 'street' },
  'calendar.holidays': { label: '节假日与调休工作日', unit: 'json', schema: HolidayCalendarSchema, scope: 'street' },
  // issue 5: assistance programmes
  'dibao-edge.upperPercent': { label: '低保边缘家庭收入上限（低保标准的百分比）', unit: 'percent', schema: percent, scope: 'district' },
  'dibao-edge.aidPercent': { label: '低保边缘家庭救助金（每户每月，低保标准的百分比）', unit: 'percent', schema: percent, scope: 'district' },
  'dibao-edge.aidAmount': { label: '低保边缘家庭救助金（每户每月金额；设置后优先于百分比）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.support.urban': { label: '城市特困人员供养标准（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.support.institution': { label: '农村特困人员供养标准（集中供养，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.support.home': { label: '农村特困人员供养标准（分散供养，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.care.full': { label: '特困人员照料护理标准（具备生活自理能力，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.care.partial': { label: '特困人员照料护理标准（部分丧失生活自理能力，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'tekun.care.none': { label: '特困人员照料护理标准（完全丧失生活自理能力，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'allowance.orphan': { label: '孤儿基本生活费（散居，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'allowance.unsupportedChild': { label: '事实无人抚养儿童基本生活费（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'disability.livingSubsidy': { label: '困难残疾人生活补贴（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'disability.careSubsidy': { label: '重度残疾人护理补贴（每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'disability.livingSubsidyCategories': { label: '享受困难残疾人生活补贴的家庭类别', unit: 'list', schema: categoryList, scope: 'district' },
  'disability.severeGrades': { label: '重度残疾：不分类别的残疾等级（1–4级）', unit: 'list', schema: gradeList, scope: 'district' },
  'disability.severeGrade3Categories': { label: '重度残疾：三级残疾中计为重度的类别（1视力…7多重）', unit: 'list', schema: disabilityCategoryList, scope: 'district' },
  'allowance.childAgeLimit': { label: '孤儿、事实无人抚养儿童补贴截止年龄（周岁，满该年龄的次月停发）', unit: 'count', schema: positiveInt, scope: 'district' },
  'dibao.gradualExit.fullMonths': { label: '低保渐退：按原金额全额发放的月数', unit: 'months', schema: z.number().int().min(0).max(24), scope: 'district' },
  'dibao.gradualExit.fullPercent': { label: '低保渐退：前期发放比例（原领取低保金的百分比）', unit: 'percent', schema: percent, scope: 'district' },
  'dibao.gradualExit.reducedMonths': { label: '低保渐退：减半发放的月数', unit: 'months', schema: z.number().int().min(0).max(24), scope: 'district' },
  'dibao.gradualExit.reducedPercent': { label: '低保渐退：后期发放比例（原领取低保金的百分比）', unit: 'percent', schema: percent, scope: 'district' },
  'dibao.employmentReward': { label: '就业奖励（核算收入时从就业成员月工资中扣除）', unit: 'fen', schema: fen, scope: 'district' },
  'epidemic.workCostDeduction': { label: '务工成本扣减（外出务工、返岗复工的低保对象，每人每月）', unit: 'fen', schema: fen, scope: 'district' },
  'epidemic.rulesInForce': { label: '疫情防控期间兜底保障措施施行中', unit: 'boolean', schema: bool, scope: 'district' },
  'epidemic.exitsSuspended': { label: '暂停低保对象退出（家庭收入明显提高者除外）', unit: 'boolean', schema: bool, scope: 'district' },
  'temporary.urgentHours': { label: '急难型临时救助审核审批时限（小时）', unit: 'hours', schema: positiveInt, scope: 'district' },
  'temporary.streetLimitMonths': { label: '街道审批临时救助限额（低保标准的月数）', unit: 'months', schema: positiveInt, scope: 'district' },
  'temporary.papersDueDays': { label: '先行救助后补齐材料期限（天）', unit: 'count', schema: positiveInt, scope: 'district' },
  // 照料服务 (issue 6)
  'care.visitIntervalDays': { label: '定期探访最长间隔（天）', unit: 'count', schema: z.number().int().min(1).max(366), scope: 'district' },
  'care.renewalNoticeDays': { label: '照料协议到期前提醒续签（天）', unit: 'count', schema: z.number().int().min(0).max(366), scope: 'district' },
  'care.agreementTermMonths': { label: '照料协议默认期限', unit: 'months', schema: z.number().int().min(1).max(60), scope: 'district' },
  'care.cardValidityMonths': { label: '照料服务卡有效期', unit: 'months', schema: z.number().int().min(1).max(60), scope: 'district' },
  'care.supervisionHotline': { label: '照料服务监督电话', unit: 'json', schema: z.string().min(3).max(40), scope: 'street' },
  'care.agreementTemplate': { label: '委托照料服务协议范本', unit: 'json', schema: AgreementTemplateSchema, scope: 'district' },
  // 复审 schedule (issue 17)
  'review.cycleMonths.stable': { label: '复审周期：特困人员和收入稳定的低保、低保边缘家庭', unit: 'months', schema: z.number().int().min(1).max(36), scope: 'district' },
  'review.cycleMonths.unsteady': { label: '复审周期：收入不稳定且有劳动能力成员的低保家庭', unit: 'months', schema: z.number().int().min(1).max(36), scope: 'district' },
  'review.noticeDays': { label: '复审到期前列入待复审（天）', unit: 'count', schema: z.number().int().min(0).max(366), scope: 'district' },
  // 定期调度与通报 (issue 15)
  'reports.laggingLines': { label: '街道排名的落后线（排查覆盖率、超期问题、24小时审批率、“四有”落实率）', unit: 'json', schema: LaggingLinesSchema, scope: 'district' },
  // 预警规则 (issue 17): one JSON value per rule (shared/warnings/rule-params.ts)
  'warnings.medical-month': { label: '预警：当月医疗自付费用（金额线、处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['medical-month'], scope: 'district' },
  'warnings.medical-year': { label: '预警：12个月医疗自付费用（金额线、月数、处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['medical-year'], scope: 'district' },
  'warnings.medical-rise': { label: '预警：医疗自付费用上升（比前期月均上升的百分比、月数、起算金额、处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['medical-rise'], scope: 'district' },
  'warnings.disability-severe': { label: '预警：新增重度残疾（处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['disability-severe'], scope: 'district' },
  'warnings.unemployment-marginal': { label: '预警：低保边缘家庭成员失业（处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['unemployment-marginal'], scope: 'district' },
  'warnings.death-paid': { label: '预警：在保（享受待遇）人员死亡（处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['death-paid'], scope: 'district' },
  'warnings.income-over-line': { label: '预警：在保家庭收入超过标准（处置时限）', unit: 'json', schema: WARNING_RULE_PARAM_SCHEMAS['income-over-line'], scope: 'district' },
  // 留守 records per person (issue 17, work plan 二(四))
  'leftBehind.childAgeBelow': { label: '留守儿童年龄上限（未满该周岁）', unit: 'count', schema: positiveInt, scope: 'district' },
  'leftBehind.womanAgeFrom': { label: '留守妇女起始年龄（周岁）', unit: 'count', schema: positiveInt, scope: 'district' },
  'leftBehind.elderlyAgeFrom': { label: '留守老年人起始年龄（周岁）', unit: 'count', schema: positiveInt, scope: 'district' },
  'leftBehind.spouseAwayMonths': { label: '留守妇女：丈夫外出务工最短时间', unit: 'months', schema: z.number().int().min(0).max(60), scope: 'district' },
  'leftBehind.updateCadenceMonths': { label: '留守人员信息更新周期（超过即提示更新）', unit: 'months', schema: z.number().int().min(1).max(24), scope: 'district' },
};

export function paramSpec(key: string): ParamSpec | undefined {
  return Object.prototype.hasOwnProperty.call(PARAM_CATALOG, key) ? PARAM_CATALOG[key] : undefined;
}
