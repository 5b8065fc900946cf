/** How the backup page writes sizes, kinds and row counts. */
import { BACKUP_COUNTED_TABLES, type BackupKind, type CountedTable } from '../../../../shared/backup/types';

export const KIND_LABEL: Record<BackupKind, string> = { daily: '每日自动', manual: '手动', 'pre-restore': '恢复前' };

export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 家庭 1,203 · 人员 2,871 · …: the main tables, in the order of BACKUP_COUNTED_TABLES. */
export function rowsSummary(rows: Record<CountedTable, number>, tables: readonly CountedTable[] = ['households', 'persons', 'visits', 'ledger_items', 'enrolments', 'users']): string {
  return tables.map((t) => `${BACKUP_COUNTED_TABLES[t]} ${(rows[t] ?? 0).toLocaleString('zh-CN')}`).join(' · ');
}
