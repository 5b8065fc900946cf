/** The household's file (一户一档): everything recorded about one household, on one page and in print. */
import type { EnrolmentDetail, PaymentRow, TemporaryRow } from '../assistance/types';
import type { AuditEventInfo } from '../audit/types';
import type { CarePersonDetail } from '../care/types';
import type { LedgerRow } from '../ledger/schemas';
import type { VisitRow } from '../screening/schemas';

/** One month's payment of one enrolment, as the month's payment list has it. */
export interface HouseholdPayment {
  month: string;
  enrolmentId: string;
  programme: string;
  /** The person paid for, or the head of household. */
  name: string | null;
  /** Null when the month's figure cannot be computed (a missing policy parameter: `problem` says which). */
  amountFen: number | null;
  /** Persons the month's payment covers: as its confirmed batch recorded them, else the month's own number (never today's). */
  coveredPersons: number | null;
  basis: PaymentRow['basis'] | null;
  problem: string | null;
  /** The month's confirmed batch ('confirmed' / 'paid'), or null: not confirmed yet, worked out by the rules. */
  batchStatus: 'confirmed' | 'paid' | null;
  /** 补发 (+) / 扣回 (−) for earlier months carried by this month's batch. */
  adjustmentFen: number;
}

/** A document printed (or exported, previewed) for the household, from the audit. */
export interface PrintedDocument {
  at: string;
  username: string | null;
  action: string;
  summary: string;
}

export interface HouseholdFile {
  householdId: string;
  streetCode: string;
  /** When the file was read (ISO), printed on the file. */
  readAt: string;
  /** Enrolments with their steps, newest first. */
  enrolments: EnrolmentDetail[];
  /** Payments by month, newest first (the months paid up to this month). */
  payments: HouseholdPayment[];
  temporary: TemporaryRow[];
  /** Ledger items, open first (most urgent first), then closed. */
  ledger: LedgerRow[];
  visits: VisitRow[];
  visitTotal: number;
  /** Members with a care file (特困分散供养 or a care record). */
  care: CarePersonDetail[];
  documents: PrintedDocument[];
  /** Who changed what for the household and its members, newest first; null when the role may not read the audit. */
  audit: AuditEventInfo[] | null;
}
