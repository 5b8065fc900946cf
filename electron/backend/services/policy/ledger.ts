/**
 * The issue ledger's terms in force on a day: its time limits (`ledger.urgencyLimits`) and the
 * holiday calendar (`calendar.holidays`). Every deadline the ledger computes reads them here and
 * passes them to the one rule, shared/ledger/deadlines.ts.
 */
import { EMPTY_CALENDAR, type HolidayCalendar, type UrgencyLimits } from '../../../../shared/ledger/deadlines';
import { SCREENING_LEDGER_DEFAULTS } from '../../../../shared/screening/policy-defaults';
import type { Store } from '../../store/store';
import { paramOn, requireParam } from './params';

export interface LedgerTerms {
  limits: UrgencyLimits;
  calendar: HolidayCalendar;
}

/**
 * `published`: an item that did not start at this street's desk (a district device's, a clue's)
 * may predate the street's own limits; the published default (as seeded at set-up) then stands in
 * instead of a refusal. Without it, a street with no limits in force is told to set them.
 */
export function ledgerTermsOn(store: Store, street: string, day: string, opts: { published?: boolean } = {}): LedgerTerms {
  const limits =
    opts.published && !paramOn(store, street, 'ledger.urgencyLimits', day)
      ? SCREENING_LEDGER_DEFAULTS[1].value
      : requireParam<UrgencyLimits>(store, street, 'ledger.urgencyLimits', day);
  return { limits, calendar: holidaysOn(store, street, day) };
}

/** The holiday calendar in force; without one, only weekends are days off. */
export function holidaysOn(store: Store, street: string, day: string): HolidayCalendar {
  return (paramOn(store, street, 'calendar.holidays', day)?.value as HolidayCalendar | undefined) ?? EMPTY_CALENDAR;
}
