/** Coded values of the assistance programmes (issue 5). */
import type { CodeItem } from '../codes';

function list<const T extends readonly CodeItem[]>(items: T): T {
  return items;
}

export const PROGRAMMES = list([
  { code: 'dibao', label: '低保' },
  { code: 'dibao-edge', label: '低保边缘' },
  { code: 'tekun-home', label: '特困分散供养' },
  { code: 'tekun-institution', label: '特困集中供养' },
  { code: 'orphan-allowance', label: '孤儿基本生活费' },
  { code: 'unsupported-child-allowance', label: '事实无人抚养儿童基本生活费' },
  { code: 'disability-living-subsidy', label: '困难残疾人生活补贴' },
  { code: 'severe-disability-care-subsidy', label: '重度残疾人护理补贴' },
] as const);
export type Programme = (typeof PROGRAMMES)[number]['code'];

/** Programmes paid per household (others are per person). */
export const HOUSEHOLD_PROGRAMMES: readonly Programme[] = ['dibao', 'dibao-edge'];

export const ENROLMENT_STATUSES = list([
  { code: 'applied', label: '已申请' },
  { code: 'investigated', label: '已调查核实' },
  { code: 'reviewed', label: '街道已审核' },
  { code: 'published', label: '公示中' },
  { code: 'active', label: '在保' },
  { code: 'gradual-exit', label: '渐退期' },
  { code: 'suspended', label: '暂停发放' },
  { code: 'exited', label: '已退出' },
  { code: 'rejected', label: '未通过' },
] as const);
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]['code'];

export const ENROLMENT_STEPS = list([
  { code: 'apply', label: '申请' },
  { code: 'investigate', label: '入户调查与收入财产核算' },
  { code: 'street-review', label: '街道审核' },
  { code: 'publish', label: '公示' },
  { code: 'approve', label: '区级审批' },
  { code: 'reject', label: '不予批准' },
  { code: 'amount-review', label: '收入变化调整金额' },
  { code: 'periodic-review', label: '复审' },
  { code: 'income-rise', label: '收入增加申报' },
  { code: 'suspend', label: '暂停发放' },
  { code: 'resume', label: '恢复发放' },
  { code: 'exit', label: '退出' },
  /** A covered member died or left the household: the covered persons were reduced. */
  { code: 'member-change', label: '成员变动' },
  /** Entered from the street's existing data (Excel import, the one-truth migration): in force, to be confirmed. */
  { code: 'import', label: '导入在保' },
  { code: 'confirm-import', label: '确认导入' },
] as const);
export type EnrolmentStep = (typeof ENROLMENT_STEPS)[number]['code'];

/** Why an open enrolment is on the 应退尽退 / 复核 list (EntitlementGap.reason). */
export const GAP_REASONS = list([
  { code: 'age', label: '超过年龄' },
  { code: 'death', label: '死亡' },
  { code: 'category', label: '不再属于该类别' },
  { code: 'head-died', label: '户主死亡，须变更户主并复核' },
  { code: 'covered-exceeds-living', label: '保障人数多于在世成员，须复核' },
] as const);
export type GapReason = (typeof GAP_REASONS)[number]['code'];

export const TEMP_TYPES = list([
  { code: 'urgent', label: '急难型' },
  { code: 'expenditure', label: '支出型' },
] as const);

export const TEMP_STATUSES = list([
  { code: 'received', label: '已受理' },
  { code: 'approved', label: '已审批' },
  { code: 'paid', label: '已发放' },
  { code: 'rejected', label: '不予救助' },
  { code: 'referred', label: '已转介' },
] as const);
export type TempStatus = (typeof TEMP_STATUSES)[number]['code'];

/** Papers a 先行救助 may leave owed, completed after payment within the set days. */
export const TEMP_PAPERS = list([
  { code: 'id-proof', label: '身份证明' },
  { code: 'hukou-book', label: '户口簿' },
  { code: 'income-proof', label: '收入证明' },
  { code: 'medical-bills', label: '医疗票据' },
  { code: 'accident-proof', label: '事故证明' },
  { code: 'other', label: '其他' },
] as const);
export type TempPaper = (typeof TEMP_PAPERS)[number]['code'];

export const INCOME_RISE_KINDS = list([
  { code: 'stay', label: '继续保障（重新核定金额）' },
  { code: 'suspended', label: '疫情期间暂停退出，按原金额发放' },
  { code: 'gradual-exit', label: '渐退：按原领取金额先全额、后减半发放，期满退出' },
  { code: 'continue-exit', label: '渐退期内再次申报：按原渐退安排继续，不重新起算' },
  { code: 'exit', label: '次月退出' },
] as const);
