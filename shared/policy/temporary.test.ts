import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { routeTemporaryAssistance } from './index';

const base = { standardFen: 101000, urgentHours: 24, streetLimitMonths: 6 };

describe('routeTemporaryAssistance', () => {
  test('an urgent case received at 23:30 (Shanghai) is approved first by 23:30 the next day', () => {
    const r = routeTemporaryAssistance({ ...base, type: 'urgent', amountFen: 300000, receivedAt: '2026-05-10T23:30:00+08:00' });
    expect(r).toEqual({ approver: 'street', approveFirst: true, deadline: '2026-05-11T15:30:00.000Z' });
  });

  test('an expenditure case follows the normal procedure: no approve-first, no 24-hour deadline', () => {
    const r = routeTemporaryAssistance({ ...base, type: 'expenditure', amountFen: 300000, receivedAt: '2026-05-10T08:00:00+08:00' });
    expect(r).toEqual({ approver: 'street', approveFirst: false, deadline: null });
  });

  test('a case exactly at the street limit (6 × standard) is approved by the street; one fen more goes to the district', () => {
    const at = routeTemporaryAssistance({ ...base, type: 'expenditure', amountFen: 606000, receivedAt: '2026-05-10T08:00:00Z' });
    expect(at.approver).toBe('street');
    const above = routeTemporaryAssistance({ ...base, type: 'urgent', amountFen: 606001, receivedAt: '2026-05-10T08:00:00Z' });
    expect(above).toMatchObject({ approver: 'district', approveFirst: true });
  });

  test('the limit and hours are parameters', () => {
    const r = routeTemporaryAssistance({ standardFen: 100000, urgentHours: 12, streetLimitMonths: 3, type: 'urgent', amountFen: 300001, receivedAt: '2026-01-01T00:00:00Z' });
    expect(r).toEqual({ approver: 'district', approveFirst: true, deadline: '2026-01-01T12:00:00.000Z' });
  });

  test('property: street iff amount ≤ months × standard; urgent deadline exactly urgentHours later', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.nat(300_000), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 72 }), fc.boolean(),
        (amountFen, standardFen, months, hours, urgent) => {
          const receivedAt = '2026-03-01T10:00:00.000Z';
          const r = routeTemporaryAssistance({ type: urgent ? 'urgent' : 'expenditure', amountFen, standardFen, receivedAt, urgentHours: hours, streetLimitMonths: months });
          expect(r.approver).toBe(amountFen <= standardFen * months ? 'street' : 'district');
          expect(r.approveFirst).toBe(urgent);
          if (urgent) expect(Date.parse(r.deadline!) - Date.parse(receivedAt)).toBe(hours * 3_600_000);
          else expect(r.deadline).toBeNull();
        }),
    );
  });
});
