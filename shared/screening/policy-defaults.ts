/**
 * The screening and ledger policy a new street starts with: DATA, each record with its effective
 * date and source, seeded through setParam at street set-up and editable by the street admin.
 * Rule code never reads these constants; it reads the policy_params records.
 */
import type { CadencePolicy } from './cadence';
import type { HolidayCalendar, UrgencyLimits } from '../ledger/deadlines';

export interface DefaultParam<T> {
  key: string;
  value: T;
  effectiveFrom: string;
  note: string;
}

const PLAN = '津丽民发〔2020〕13号（2020年6月12日）';

export const SCREENING_LEDGER_DEFAULTS: [
  DefaultParam<CadencePolicy>,
  DefaultParam<UrgencyLimits>,
  DefaultParam<HolidayCalendar>,
] = [
  {
    key: 'screening.cadence',
    effectiveFrom: '2020-06-12',
    note: `${PLAN} 二(一)：全覆盖月排查、“一老一小”周排查、特殊群体日排查。老年人60周岁及以上、未成年人不满18周岁为默认口径，可调整`,
    value: {
      elderlyAge: 60,
      childAgeBelow: 18,
      rules: [
        { group: 'covered', cadence: 'monthly' },
        { group: 'elderly', cadence: 'weekly' },
        { group: 'child', cadence: 'weekly' },
        { group: 'lonely-elderly', cadence: 'daily' },
        { group: 'disabled-care', cadence: 'daily' },
        { group: 'seriously-ill', cadence: 'daily' },
        { group: 'severe-disabled', cadence: 'daily' },
        { group: 'unsupported-child', cadence: 'daily' },
        { group: 'tekun-home', cadence: 'daily' },
      ],
    },
  },
  {
    key: 'ledger.urgencyLimits',
    effectiveFrom: '2020-06-12',
    note:
      `${PLAN} 二(五)：急难型24小时内完成审核审批（一级）；二级3个工作日为街道工作口径。` +
      '开始核查时限、立即核查时限与转介催办时限为街道默认工作口径（文件未规定），请按本街道实际调整',
    value: {
      '1': { verify: { unit: 'hours', amount: 4 }, complete: { unit: 'hours', amount: 24 } },
      '2': { verify: { unit: 'working-days', amount: 1 }, complete: { unit: 'working-days', amount: 3 } },
      immediateVerify: { unit: 'hours', amount: 24 },
      referralFollowUp: { unit: 'working-days', amount: 5 },
    },
  },
  {
    key: 'calendar.holidays',
    effectiveFrom: '2020-01-01',
    note:
      '国务院办公厅节假日安排：2020年（国办发明电〔2019〕16号，春节假期延长至2月2日）、2025年、2026年。' +
      '未经官方原文核对，请街道管理员核对并补充每年的安排',
    value: {
      holidays: [
        '2020-01-01', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29',
        '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02', '2020-04-04', '2020-04-05', '2020-04-06',
        '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05', '2020-06-25', '2020-06-26',
        '2020-06-27', '2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06',
        '2020-10-07', '2020-10-08',
        '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
        '2025-02-03', '2025-02-04', '2025-04-04', '2025-04-05', '2025-04-06', '2025-05-01', '2025-05-02',
        '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-31', '2025-06-01', '2025-06-02', '2025-10-01',
        '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
        '2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
        '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-04-04', '2026-04-05',
        '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-06-19',
        '2026-06-20', '2026-06-21', '2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02',
        '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
      ],
      workdays: [
        '2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10',
        '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
        '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
      ],
    },
  },
];
