/** The pure assistance rules, used by the services and the UI. Amounts are integer fen; months 'YYYY-MM'. */
export { assessMonthlyIncome, countableWageFen, dibaoMonthlyAmount, edgeAid, memberCountableFen, wageDeductions } from './income';
export { accountingWorking } from './working';
export type { AccountingWorking, ParamVersion, WorkingInput, WorkingMember } from './working';
export type { IncomeAssessment, IncomeItem, IncomeMember, IncomeParams } from './income';
export { decideIncomeRise, gradualExitSchedule, halfRoundedUp } from './income-rise';
export type { IncomeRiseDecision, IncomeRiseInput, ScheduleEntry } from './income-rise';
export { routeTemporaryAssistance, streetLimitFen } from './temporary';
export type { TemporaryRoute, TemporaryRouteInput, TemporaryType } from './temporary';
export { holdsDisabilityCertificate, isSevereDisability, SUBSIDY_KINDS, subsidyEntitlements } from './subsidies';
export type { SubsidyHousehold, SubsidyKind, SubsidyParams, SubsidyPerson } from './subsidies';
export { addMonths, firstDayOf, isMonth, monthOf, monthsBetween } from './months';
