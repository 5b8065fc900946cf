/**
 * The holiday calendar, a year at a time: 法定节假日 (days off, weekdays or not) and 调休上班日
 * (weekend days worked). Dates are added with the date picker (type a date and press Enter) and
 * removed with the tag's close button.
 */
import { useState } from 'react';
import { Alert, DatePicker, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HolidayCalendar } from '../../../../../shared/ledger/deadlines';
import { appClock } from '../../../api/clock';
import { calendarWarning } from '../../../../../shared/ledger/calendar-coverage';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

function DateList({ label, dates, year, readOnly, color, onAdd, onRemove }: {
  label: string;
  dates: string[];
  year: number;
  readOnly: boolean;
  color: string;
  onAdd: (d: string) => void;
  onRemove: (d: string) => void;
}) {
  const inYear = dates.filter((d) => d.startsWith(`${year}-`)).sort();
  return (
    <div data-testid={`dates-${label}`} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{`${label}（${year}年，${inYear.length}天）`}</Typography.Text>
      <div style={{ margin: '6px 0' }}>
        {inYear.length === 0 && <Typography.Text type="secondary">未登记</Typography.Text>}
        {inYear.map((d) => (
          <Tag key={d} color={color} closable={!readOnly} onClose={() => onRemove(d)} closeIcon={readOnly ? undefined : <span aria-label={`删除${d}`}>×</span>}>
            {`${d.slice(5)}（周${WEEKDAY[dayjs(d).day()]}）`}
          </Tag>
        ))}
      </div>
      {!readOnly && (
        <DatePicker
          aria-label={`添加${label}`}
          placeholder={`添加${label}`}
          style={{ width: 200 }}
          value={null}
          defaultPickerValue={dayjs(`${year}-01-01`)}
          onChange={(d: dayjs.Dayjs | null) => {
            if (d) onAdd(d.format('YYYY-MM-DD'));
          }}
        />
      )}
    </div>
  );
}

export function HolidayEditor({ value, onChange, readOnly }: { value: HolidayCalendar; onChange: (v: HolidayCalendar) => void; readOnly: boolean }) {
  const thisYear = dayjs(appClock.today()).year();
  const years = [...new Set([...value.holidays, ...value.workdays].map((d) => Number(d.slice(0, 4))).concat([thisYear, thisYear + 1]))].sort();
  const [year, setYear] = useState(thisYear);
  const add = (list: keyof HolidayCalendar) => (d: string) => {
    if (!value[list].includes(d)) onChange({ ...value, [list]: [...value[list], d].sort() });
    if (Number(d.slice(0, 4)) !== year) setYear(Number(d.slice(0, 4)));
  };
  const remove = (list: keyof HolidayCalendar) => (d: string) => onChange({ ...value, [list]: value[list].filter((x) => x !== d) });
  const gap = calendarWarning(value, appClock.today());
  return (
    <div data-testid="holiday-editor">
      {gap && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={gap} />}
      <Space style={{ marginBottom: 8 }}>
        <span>年份</span>
        <Select aria-label="年份" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      </Space>
      <DateList label="法定节假日" color="red" dates={value.holidays} year={year} readOnly={readOnly} onAdd={add('holidays')} onRemove={remove('holidays')} />
      <DateList label="调休上班日" color="blue" dates={value.workdays} year={year} readOnly={readOnly} onAdd={add('workdays')} onRemove={remove('workdays')} />
      <Typography.Paragraph type="secondary">
        工作日按此日历计算：周末及法定节假日不计，调休上班的周末计入。请按国务院办公厅每年公布的节假日安排核对。
      </Typography.Paragraph>
    </div>
  );
}
