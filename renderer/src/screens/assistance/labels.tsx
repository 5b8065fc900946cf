/** Labels and tags of the assistance area. */
import { Tag } from 'antd';
import { labelOf } from '../../../../shared/codes';
import { addMonths, monthOf } from '../../../../shared/policy';
import { ENROLMENT_STATUSES, ENROLMENT_STEPS, INCOME_RISE_KINDS, PROGRAMMES, TEMP_STATUSES, TEMP_TYPES } from '../../../../shared/assistance/codes';
import { appClock } from '../../api/clock';

const STATUS_COLORS: Record<string, string> = {
  applied: 'default',
  investigated: 'cyan',
  reviewed: 'blue',
  published: 'geekblue',
  active: 'green',
  'gradual-exit': 'gold',
  suspended: 'orange',
  exited: 'default',
  rejected: 'red',
};

export const programmeLabel = (code: string) => labelOf(PROGRAMMES, code);
export const stepLabel = (code: string) => labelOf(ENROLMENT_STEPS, code);
export const decisionLabel = (code: string) => labelOf(INCOME_RISE_KINDS, code);
export const tempTypeLabel = (code: string) => labelOf(TEMP_TYPES, code);

/** An imported enrolment in force shows 已在保（导入） until the office records 确认导入. */
export function EnrolmentStatusTag({ status, source, importConfirmed }: { status: string; source?: string | null; importConfirmed?: boolean }) {
  const pending = source === 'import' && !importConfirmed && status === 'active';
  return <Tag color={pending ? 'lime' : (STATUS_COLORS[status] ?? 'default')}>{pending ? '已在保（导入）' : labelOf(ENROLMENT_STATUSES, status)}</Tag>;
}

const TEMP_COLORS: Record<string, string> = { received: 'processing', approved: 'blue', paid: 'green', rejected: 'red', referred: 'purple' };

export function TempStatusTag({ status }: { status: string }) {
  return <Tag color={TEMP_COLORS[status] ?? 'default'}>{labelOf(TEMP_STATUSES, status)}</Tag>;
}

export const PROGRAMME_OPTIONS = PROGRAMMES.map((p) => ({ value: p.code, label: p.label }));

/** The current month in Asia/Shanghai as YYYY-MM. */
export function thisMonth(): string {
  return monthOf(appClock.today());
}

export { addMonths };
