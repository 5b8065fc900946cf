/**
 * Events the backend pushes to the windows (through the backend host: IPC in Electron, Server-Sent
 * Events in browser mode). Pure: shared by the backend, the host and the renderer.
 */
import type { SyncStatus } from '../sync/status';

/** The parts of the app a screen belongs to; a `changed` event names those whose data changed. */
export type Area = 'org' | 'registry' | 'policy' | 'audit' | 'screening' | 'ledger' | 'assistance' | 'care' | 'other';

const AREA_OF_TABLE: Record<string, Area> = {
  streets: 'org',
  communities: 'org',
  grids: 'org',
  users: 'org',
  households: 'registry',
  persons: 'registry',
  policy_params: 'policy',
  audit_events: 'audit',
  visits: 'screening',
  watch_entries: 'screening',
  ledger_items: 'ledger',
  ledger_events: 'ledger',
  referrals: 'ledger',
  ledger_clue_inbox: 'ledger',
  enrolments: 'assistance',
  enrolment_steps: 'assistance',
  income_rise_decisions: 'assistance',
  temporary_assistance: 'assistance',
};

/** The area of a table by its name; a table not listed counts as its prefix's (care_*) or 'other'. */
export function areaOfTable(table: string): Area {
  return AREA_OF_TABLE[table] ?? (table.startsWith('care_') || table === 'caregivers' ? 'care' : 'other');
}

export function areasOfTables(tables: readonly string[]): Area[] {
  return [...new Set(tables.map(areaOfTable))].sort();
}

/** Long work under way: what, how far (done of total, total null when unknown), and whether it ended. */
export interface ProgressInfo {
  task: string;
  /** Chinese, for the user: 正在载入演示数据, 正在导出 Excel, ... */
  label: string;
  done: number;
  total: number | null;
  finished: boolean;
}

export type BackendEvent =
  /** Committed writes: a local write (one per transaction) or an applied sync page. */
  | { type: 'changed'; tables: string[]; areas: Area[] }
  | { type: 'sync'; status: SyncStatus }
  | { type: 'progress'; progress: ProgressInfo }
  /** The backend's thread stopped unexpectedly ('crashed', message in Chinese) or is serving again. */
  | { type: 'backend'; state: 'crashed' | 'restarted'; message: string };

export const BACKEND_CRASHED_MESSAGE = '后台服务意外停止，正在自动重启；已保存的数据不受影响，未完成的操作请重试';
export const BACKEND_RESTARTED_MESSAGE = '后台服务已恢复';

/** A value received from the other side of a channel, checked before the UI trusts it. */
export function isBackendEvent(v: unknown): v is BackendEvent {
  if (typeof v !== 'object' || v === null) return false;
  const t = (v as { type?: unknown }).type;
  return t === 'changed' || t === 'sync' || t === 'progress' || t === 'backend';
}
