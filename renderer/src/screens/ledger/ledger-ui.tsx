/** Small shared pieces of the ledger screens: tags for status, urgency and countdown; option lists. */
import { Tag } from 'antd';
import { labelOf } from '../../../../shared/codes';
import { DEPARTMENTS, LEDGER_CATEGORIES, LEDGER_SOURCES, LEDGER_STATUSES, REVIEW_RESULTS } from '../../../../shared/ledger/codes';
import { URGENCY_GRADES } from '../../../../shared/ledger/deadlines';
import type { LedgerRow } from '../../../../shared/ledger/schemas';
import { toOptions } from '../../lib/codes';

export const STATUS_OPTIONS = toOptions(LEDGER_STATUSES);
export const CATEGORY_OPTIONS = toOptions(LEDGER_CATEGORIES);
export const SOURCE_OPTIONS = toOptions(LEDGER_SOURCES);
export const URGENCY_OPTIONS = toOptions(URGENCY_GRADES);
export const DEPARTMENT_OPTIONS = toOptions(DEPARTMENTS);
export const REVIEW_OPTIONS = toOptions(REVIEW_RESULTS);

const STATUS_COLOR: Record<string, string> = {
  pending: 'orange',
  verifying: 'gold',
  handling: 'blue',
  referred: 'purple',
  closed: 'green',
  reviewed: 'cyan',
  unfounded: 'default',
  duplicate: 'default',
};

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{labelOf(LEDGER_STATUSES, status)}</Tag>;
}

export function UrgencyTag({ urgency, immediate }: { urgency: string; immediate?: boolean }) {
  return (
    <>
      <Tag color={urgency === '1' ? 'red' : 'default'}>{labelOf(URGENCY_GRADES, urgency)}</Tag>
      {immediate && <Tag color="magenta">立即核查</Tag>}
    </>
  );
}

export function CountdownTag({ row }: { row: Pick<LedgerRow, 'overdue' | 'countdownText' | 'remainingMs'> }) {
  if (!row.countdownText) return <span style={{ color: '#999' }}>—</span>;
  const color = row.overdue ? 'error' : row.remainingMs < 6 * 3_600_000 ? 'warning' : 'processing';
  return (
    <Tag color={color} data-testid="countdown">
      {row.countdownText}
    </Tag>
  );
}

export const categoryLabel = (c: string) => labelOf(LEDGER_CATEGORIES, c);
export const sourceLabel = (c: string) => labelOf(LEDGER_SOURCES, c);
export const departmentLabel = (c: string) => labelOf(DEPARTMENTS, c);
export const reviewLabel = (c: string | null) => labelOf(REVIEW_RESULTS, c);
