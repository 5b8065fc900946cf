/**
 * home.* procedures: the 工作台, the first screen after sign-in. One call returns every section the
 * signed-in user's role has business with; each figure names the list it counts (the procedure and
 * filter the screen it opens calls), so a figure and its list cannot differ.
 */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import type { SyncState } from '../sync/status';

export const WORKBENCH_SECTIONS = ['visits', 'ledger', 'mine', 'temporary', 'reviews', 'care', 'left-behind', 'batches', 'gaps', 'warnings', 'sync'] as const;
export type WorkbenchSectionKey = (typeof WORKBENCH_SECTIONS)[number];

/** The list a figure counts: a list procedure and its filter (what the opened screen calls). */
export interface WorkbenchList {
  procedure:
    | 'screening.dueList'
    | 'ledger.list'
    | 'ledger.escalations'
    | 'assistance.listEnrolments'
    | 'assistance.listTemporary'
    | 'care.renewalsDue'
    | 'care.board'
    | 'care.listCards'
    | 'batches.list'
    | 'assistance.gapList'
    | 'assistance.reviewsDue'
    | 'warnings.inbox'
    | 'leftBehind.list';
  input: Record<string, string | number | boolean>;
}

export interface WorkbenchFigure {
  key: string;
  label: string;
  count: number;
  /** danger: past a deadline; warning: due soon; plain otherwise. */
  tone: 'danger' | 'warning' | 'plain';
  list: WorkbenchList;
}

/** A deadline to watch, shown with a live countdown (ledger 24-hour items, urgent 临时救助). */
export interface WorkbenchDeadline {
  id: string;
  title: string;
  detail: string;
  /** ISO instant. */
  deadline: string;
}

export interface WorkbenchSection {
  key: WorkbenchSectionKey;
  title: string;
  /** Said when every figure is 0 (e.g. 今日无到期走访). */
  empty: string;
  figures: WorkbenchFigure[];
  /** The nearest deadlines of the section (top few), nearest first. */
  deadlines?: WorkbenchDeadline[];
}

export interface WorkbenchSync {
  enrolled: boolean;
  state: SyncState;
  lastSyncedAt: string | null;
  pendingCount: number;
  rejectedCount: number;
}

export interface Workbench {
  /** The backend's instant when the figures were counted. */
  at: string;
  today: string;
  sections: WorkbenchSection[];
  sync: WorkbenchSync | null;
}

export const homeProcedures = {
  'home.workbench': proc<Workbench>()(z.strictObject({}), STAFF),
} as const;
