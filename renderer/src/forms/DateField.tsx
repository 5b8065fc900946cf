/**
 * The one date input of the app: antd's DatePicker (typed or picked, YYYY-MM-DD, the same in every
 * browser and in Electron) over a 'YYYY-MM-DD' string value, as the API takes dates. The browser's
 * native date input shows mm/dd/yyyy or yyyy/mm/dd depending on the system, unlike the rest of
 * the app. Works inside Form.Item (value/onChange) and on its own.
 */
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export type DateFieldProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <DatePicker
      format={DATE_FORMAT}
      placeholder="年-月-日"
      {...rest}
      value={value ? dayjs(value, DATE_FORMAT) : null}
      onChange={(d) => {
        const day = Array.isArray(d) ? d[0] : d;
        onChange?.(day ? day.format(DATE_FORMAT) : null);
      }}
    />
  );
}
