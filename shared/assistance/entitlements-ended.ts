/**
 * 应退尽退 after a death (issue 17): what a recorded death stopped for the person, and what was paid
 * for months after it and is to be recovered (扣回). Read by assistance.entitlementsEnded.
 */
import type { Programme } from './codes';

/** An enrolment the death ended (exited) or reduced (one covered person fewer). */
export interface StoppedEnrolment {
  enrolmentId: string;
  programme: Programme;
  /** 'exited': no payment from stopMonth; 'covered-reduced': the household's 低保 counts one person fewer. */
  change: 'exited' | 'covered-reduced';
  /** The first month no longer paid (or paid for fewer persons). */
  stopMonth: string;
}

/** A month already paid (in a confirmed batch) after the death: what was paid, what is due now. */
export interface DeathRecovery {
  enrolmentId: string;
  programme: Programme;
  month: string;
  paidFen: number;
  dueFen: number;
  /** paidFen − dueFen: still to be recovered (a 扣回 row of the next unconfirmed batch takes it). */
  recoverFen: number;
}

export interface EndedEntitlements {
  personId: string;
  householdId: string;
  name: string;
  idMasked: string;
  communityName: string;
  address: string;
  diedOn: string;
  /** 来源/说明 recorded with the death. */
  source: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  /** The latest 更正死亡日期, if the date was corrected: the date before, why, who and when. */
  correction: { from: string; reason: string; at: string; by: string | null } | null;
  enrolments: StoppedEnrolment[];
  recoveries: DeathRecovery[];
  recoverTotalFen: number;
  /** 照料协议 ended by the death, with the date. */
  agreements: { id: string; endedOn: string }[];
  /** 照料服务卡 cancelled by the death. */
  cards: { id: string; cardNumber: string; endedOn: string }[];
  /** The person no longer makes the household due for screening or care visits. */
  visitsClosed: string;
  /** The 问题台账 item opened to re-assess the household's remaining members, if any remain. */
  reviewItemNo: string | null;
  reviewItemId: string | null;
}
