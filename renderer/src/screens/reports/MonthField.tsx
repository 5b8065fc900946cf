/** The month a report page shows (YYYY-MM), chosen with a month picker. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function MonthField({ value, onChange, testId }: { value: string; onChange: (month: string) => void; testId: string }) {
  return (
    <DatePicker
      aria-label="报表月份"
      data-testid={testId}
      picker="month"
      format="YYYY年M月"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
    />
  );
}
