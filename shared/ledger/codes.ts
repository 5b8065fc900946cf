/** Coded value lists of the issue ledger (问题台账) and watch ledger (关注台账). */
export const LEDGER_SOURCES = [
  { code: 'grid-report', label: '网格上报' },
  { code: 'bureau-clue', label: '市局/区局反馈线索' },
  { code: 'hotline', label: '热线' },
  { code: 'visit', label: '走访发现' },
  { code: 'department', label: '部门转来' },
  { code: 'application', label: '主动申请' },
  { code: 'watch', label: '关注台账转入' },
  { code: 'warning', label: '预警转入' },
] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number]['code'];

export const LEDGER_CATEGORIES = [
  { code: 'living', label: '生活' },
  { code: 'medical', label: '医疗' },
  { code: 'housing', label: '住房' },
  { code: 'education', label: '教育' },
  { code: 'employment', label: '就业' },
  { code: 'care', label: '照料' },
  { code: 'other', label: '其他' },
] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number]['code'];

export const LEDGER_STATUSES = [
  { code: 'pending', label: '待核查' },
  { code: 'verifying', label: '核查中' },
  { code: 'handling', label: '处置中' },
  { code: 'referred', label: '已转介' },
  { code: 'closed', label: '已办结（销号）' },
  { code: 'reviewed', label: '回头看完成' },
  // Closed without assistance: the problem was not real, or is another item's (kept open there).
  { code: 'unfounded', label: '核查不属实（销号）' },
  { code: 'duplicate', label: '重复登记（销号）' },
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number]['code'];

export const DEPARTMENTS = [
  { code: 'hrss', label: '人社' },
  { code: 'health', label: '卫健' },
  { code: 'medical-insurance', label: '医保' },
  { code: 'housing', label: '住建' },
  { code: 'education', label: '教育' },
  { code: 'disabled-federation', label: '残联' },
  { code: 'poverty-office', label: '帮扶办' },
  { code: 'other', label: '其他' },
] as const;
export type Department = (typeof DEPARTMENTS)[number]['code'];

export const VISIT_METHODS = [
  { code: 'home', label: '上门' },
  { code: 'phone', label: '电话' },
  { code: 'video', label: '视频' },
] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number]['code'];

export const REVIEW_RESULTS = [
  { code: 'resolved', label: '问题已解决' },
  { code: 'needs-follow-up', label: '仍需跟进' },
] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number]['code'];

export const WATCH_STATUSES = [
  { code: 'watching', label: '关注中' },
  { code: 'moved', label: '已转入问题台账' },
  { code: 'ended', label: '已解除关注' },
] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number]['code'];
