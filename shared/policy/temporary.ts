/**
 * Routing of a temporary assistance (临时救助) application (work plan 二(五); DOMAIN §4): urgent
 * (急难型) cases are approved first with a deadline; the street approves up to its limit in months of
 * the 低保 standard, the district above it.
 */
export type TemporaryType = 'urgent' | 'expenditure';

export interface TemporaryRouteInput {
  type: TemporaryType;
  amountFen: number;
  standardFen: number;
  /** ISO-8601 instant the application was received. */
  receivedAt: string;
  urgentHours: number;
  streetLimitMonths: number;
}

export interface TemporaryRoute {
  approver: 'street' | 'district';
  approveFirst: boolean;
  /** ISO-8601 instant (UTC) by which an urgent case must be approved; null for expenditure cases. */
  deadline: string | null;
}

export function streetLimitFen(standardFen: number, streetLimitMonths: number): number {
  return standardFen * streetLimitMonths;
}

export function routeTemporaryAssistance(input: TemporaryRouteInput): TemporaryRoute {
  const approver = input.amountFen <= streetLimitFen(input.standardFen, input.streetLimitMonths) ? 'street' : 'district';
  if (input.type === 'urgent') {
    const received = Date.parse(input.receivedAt);
    if (Number.isNaN(received)) throw new Error(`invalid instant ${input.receivedAt}`);
    return { approver, approveFirst: true, deadline: new Date(received + input.urgentHours * 3_600_000).toISOString() };
  }
  return { approver, approveFirst: false, deadline: null };
}
