import { describe, expect, test } from 'vitest';
import { calendarWarning, uncoveredYears } from './calendar-coverage';
import { SCREENING_LEDGER_DEFAULTS } from '../screening/policy-defaults';

const seeded = SCREENING_LEDGER_DEFAULTS[2].value;

describe('holiday calendar coverage', () => {
  test('the seeded calendar has every year from 2020 to 2026', () => {
    for (let y = 2020; y <= 2026; y++) expect(uncoveredYears(seeded, `${y}-01-01`, 0)).toEqual([]);
  });

  test('90 days before a year that has no 放假安排, the screens warn and name it', () => {
    expect(uncoveredYears(seeded, '2026-10-02')).toEqual([]);
    expect(uncoveredYears(seeded, '2026-10-03')).toEqual([2027]);
    expect(calendarWarning(seeded, '2026-12-04')).toContain('2027年');
    expect(calendarWarning(seeded, '2026-06-01')).toBeNull();
  });

  test('an empty calendar is uncovered for this year', () => {
    expect(uncoveredYears({ holidays: [], workdays: [] }, '2026-03-01')).toEqual([2026]);
  });
});
