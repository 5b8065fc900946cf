/** Dates shown as 2020-06-12; instants shown in local (Asia/Shanghai) time. */
import dayjs from 'dayjs';

export function todayText(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '';
}

