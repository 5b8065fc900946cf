/** Output shapes of the assistance.* procedures. */
import type { IncomeAssessment, IncomeRiseDecision } from '../policy';
import type { SubsidyKind } from '../policy/subsidies';
import type { AccountingWorking } from '../policy/working';
import type { EnrolmentStatus, GapReason, Programme, TempPaper, TempStatus } from './codes';

export interface EnrolmentStepRow {
  id: string;
  step: string;
  at: string;
  username: string | null;
  note: string | null;
  detail: unknown;
}

export interface IncomeRiseRow {
  id: string;
  reportMonth: string;
  kind: IncomeRiseDecision['kind'];
  monthlyAmountFen: number | null;
  schedule: { month: string; amountFen: number; percent: number }[] | null;
  exitMonth: string | null;
  input: unknown;
  createdAt: string;
}

export interface EnrolmentRow {
  id: string;
  programme: Programme;
  householdId: string;
  personId: string | null;
  /** The person, or the head of household. */
  name: string | null;
  communityName: string;
  status: EnrolmentStatus;
  coveredPersons: number;
  perCapitaIncomeFen: number | null;
  startMonth: string | null;
  endMonth: string | null;
  fixedAmountFen: number | null;
  /** Amount for the current month (Asia/Shanghai), null when not paid this month or not computable. */
  currentAmountFen: number | null;
  /** A gradual exit past its end, held by a suspension of exits until a review decides. */
  exitHeld: boolean;
  /** 'import': entered from the street's existing data (已在保（导入）); null: through the steps. */
  source: 'import' | null;
  /** An imported enrolment the office has confirmed (确认导入). */
  importConfirmed: boolean;
  updatedAt: string;
}

export interface EnrolmentDetail extends EnrolmentRow {
  publicFrom: string | null;
  publicTo: string | null;
  notes: string | null;
  steps: EnrolmentStepRow[];
  incomeRises: IncomeRiseRow[];
}

export interface IncomeRisePreview {
  assessment: IncomeAssessment;
  standardFen: number;
  previousMonthlyAmountFen: number;
  exitsSuspended: boolean;
  epidemicRulesInForce: boolean;
  decision: IncomeRiseDecision;
}

export interface PaymentRow {
  enrolmentId: string;
  householdId: string;
  personId: string | null;
  name: string | null;
  /** Masked (120110********123X): lists never carry the full number; the audited Excel export does. */
  idMasked: string | null;
  communityName: string;
  address: string;
  coveredPersons: number;
  amountFen: number;
  /** How the amount was set. */
  basis: 'standard' | 'schedule-100' | 'schedule-50' | 'fixed' | 'held';
  bankName: string | null;
  bankAccount: string | null;
}

export interface PaymentList {
  programme: Programme;
  month: string;
  rows: PaymentRow[];
  communities: { communityName: string; count: number; totalFen: number }[];
  totalFen: number;
}

export interface EntitlementGap {
  personId: string;
  householdId: string;
  name: string;
  /** Masked: the full number only in the household's audited detail view. */
  idMasked: string;
  communityName: string;
  /** The allowance (missing, off-standard) or the open enrolment's programme (should-exit, review). */
  subsidy: SubsidyKind | Programme;
  /**
   * 'missing': entitled, not receiving; 'off-standard': receiving an amount different from the standard;
   * 'should-exit' (应退尽退): the entitlement ended, the enrolment is still open; 'review' (复核): a
   * household enrolment whose members changed (the head died, fewer living members than covered).
   */
  problem: 'missing' | 'off-standard' | 'should-exit' | 'review';
  /** Why, for 'should-exit' and 'review' (GAP_REASONS). */
  reason?: GapReason;
  /** The open enrolment, for 'should-exit' and 'review'. */
  enrolmentId?: string;
  standardFen: number | null;
  receivedFen: number | null;
  /** For 'should-exit': the first month no longer paid. */
  stopMonth?: string;
}


/** A 低保 household held at its amount while exits were suspended, to review once the suspension ends. */
export interface SuspensionReviewRow {
  enrolmentId: string;
  householdId: string;
  /** The head of the household (or the first member). */
  name: string;
  communityName: string;
  address: string;
  /** The month of the income-rise report the household was held from. */
  heldSince: string;
  monthsHeld: number;
  amountFen: number;
}

export interface SuspensionReview {
  /** Whether exits are suspended on the day asked about: then nothing is listed yet. */
  exitsSuspended: boolean;
  /** The day the latest suspension ended (the flag's false version in force), or null. */
  endedOn: string | null;
  rows: SuspensionReviewRow[];
}

export interface TemporaryRow {
  id: string;
  householdId: string;
  personId: string | null;
  name: string | null;
  communityName: string;
  type: 'urgent' | 'expenditure';
  reason: string;
  amountFen: number;
  receivedAt: string;
  approver: 'street' | 'district';
  approveFirst: boolean;
  deadline: string | null;
  standardFen: number;
  status: TempStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  paidAt: string | null;
  referral: string | null;
  decisionNote: string | null;
  /** Approved (or still open) within the deadline; null when there is none. */
  withinDeadline: boolean | null;
  /** 先行救助: the papers owed (each with the day received), null when approved with papers complete. */
  papersOwed: OwedPaper[] | null;
  papersDueOn: string | null;
  papersCompletedAt: string | null;
  /** Papers still owed after their due day (Asia/Shanghai). */
  papersOverdue: boolean;
}

export interface OwedPaper {
  code: TempPaper;
  /** The paper's name for 其他. */
  note: string | null;
  receivedOn: string | null;
}

/** The 核算 working the 入户调查 would record now (null for programmes without an income test). */
export interface InvestigationPreview {
  working: AccountingWorking | null;
}

/** The printed 核算单: the stored working and whom it is about. */
export interface AccountingSheet {
  enrolmentId: string;
  programme: 'dibao' | 'dibao-edge';
  streetName: string;
  officeName: string;
  communityName: string;
  address: string | null;
  /** 户主, when the registry has one. */
  headName: string | null;
  /** When the 入户调查 was recorded (the working is of that day). */
  investigatedAt: string;
  working: AccountingWorking;
}

/** What the start-up migration to one truth changed (issue 18), shown on the 系统管理 page. */
export interface OneTruthReport {
  at: string;
  /** Households that had programme tags. */
  households: number;
  /** Imported enrolments created, per programme category. */
  enrolled: Record<'dibao' | 'dibao-edge' | 'tekun-home' | 'tekun-institution', number>;
  /** Programme tags already backed by an enrolment (left as it was). */
  kept: number;
}
