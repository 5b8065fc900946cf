/**
 * Coded value lists of 照料服务 (care for extremely poor people living at home, work plan 二(三)).
 * Codes are stable strings stored in the database; labels are what the user sees.
 */
import type { CodeItem } from '../codes';

function list<const T extends readonly CodeItem[]>(items: T): T {
  return items;
}

/** The six self-care indicators of the 特困人员认定办法 (DOMAIN §2.4). */
export const SELF_CARE_INDICATORS = list([
  { code: 'eating', label: '自主吃饭' },
  { code: 'dressing', label: '穿衣' },
  { code: 'bed', label: '上下床' },
  { code: 'toileting', label: '如厕' },
  { code: 'walking', label: '室内行走' },
  { code: 'bathing', label: '洗澡' },
] as const);
export type SelfCareIndicator = (typeof SELF_CARE_INDICATORS)[number]['code'];

/** Care level (照料等级) that follows from the self-care assessment; drives the care subsidy. */
export const CARE_LEVELS = list([
  { code: 'self-care', label: '自理' },
  { code: 'semi-disabled', label: '半失能' },
  { code: 'disabled', label: '失能' },
] as const);
export type CareLevel = (typeof CARE_LEVELS)[number]['code'];

export const AGREEMENT_STATUSES = list([
  { code: 'draft', label: '草稿' },
  { code: 'signed', label: '已签订' },
  { code: 'expired', label: '已到期' },
  { code: 'terminated', label: '已解除' },
] as const);
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]['code'];

export const CARD_STATUSES = list([
  { code: 'active', label: '有效' },
  { code: 'reissued', label: '已补发换新' },
  { code: 'cancelled', label: '已注销' },
] as const);
export type CardStatus = (typeof CARD_STATUSES)[number]['code'];

/** Who made a visit. */
export const VISITOR_KINDS = list([
  { code: 'street', label: '街道工作人员' },
  { code: 'community', label: '社区（村）工作人员' },
  { code: 'social-org', label: '社会组织（购买服务）' },
] as const);
export type VisitorKind = (typeof VISITOR_KINDS)[number]['code'];

/** What was done on a visit; the purchased services of the work plan and the regular 探访. */
export const VISIT_SERVICES = list([
  { code: 'visit', label: '探访' },
  { code: 'follow-up', label: '随访' },
  { code: 'illness-record', label: '病情记录' },
  { code: 'rehab', label: '治疗康复' },
  { code: 'meal', label: '助餐' },
  { code: 'cleaning', label: '助洁' },
] as const);
export type VisitService = (typeof VISIT_SERVICES)[number]['code'];

export const VISIT_METHODS = list([
  { code: 'home', label: '入户' },
  { code: 'phone', label: '电话' },
  { code: 'video', label: '视频' },
] as const);

/** Service content of the entrusted-care agreement (DOMAIN §2.2). */
export const CARE_SERVICE_ITEMS = list([
  { code: 'daily-watch', label: '日常看护' },
  { code: 'daily-care', label: '生活照料' },
  { code: 'illness-care', label: '生病看护及住院陪护' },
  { code: 'home-safety', label: '居所安全隐患排查' },
  { code: 'meal-water-medicine', label: '协助饮食、饮水、服药' },
  { code: 'report-needs', label: '及时报告需求与病情' },
] as const);
export type CareServiceItem = (typeof CARE_SERVICE_ITEMS)[number]['code'];

export const CAREGIVER_RELATIONS = list([
  { code: 'relative', label: '亲属' },
  { code: 'friend', label: '朋友' },
  { code: 'neighbour', label: '邻居' },
  { code: 'committee', label: '村（居）委会' },
  { code: 'institution', label: '养老机构' },
  { code: 'social-org', label: '社会组织' },
  { code: 'other', label: '其他' },
] as const);

/** The four "有" of the work plan. */
export const FOUR_HAVES = list([
  { code: 'agreement', label: '有照料协议' },
  { code: 'standard', label: '有服务标准与标识' },
  { code: 'visits', label: '有定期探访记录' },
  { code: 'plan', label: '有应急预案' },
] as const);
export type FourHave = (typeof FOUR_HAVES)[number]['code'];
