/** The inbox's filter as URL query text (the 工作台's lines open the inbox filtered) and back. */
import { WARNING_RULES, type WarningRule } from '../../../../shared/warnings/types';

export interface InboxFilter {
  status: 'open' | 'disposed' | 'all';
  rule?: WarningRule;
  overdueOnly?: boolean;
  communityId?: string;
}

export function inboxFilterFromQuery(query: string | undefined): InboxFilter {
  const q = new URLSearchParams(query ?? '');
  const status = q.get('status');
  const rule = q.get('rule');
  return {
    status: status === 'disposed' || status === 'all' ? status : 'open',
    ...((WARNING_RULES as readonly string[]).includes(rule ?? '') ? { rule: rule as WarningRule } : {}),
    ...(q.get('overdueOnly') === '1' ? { overdueOnly: true } : {}),
    ...(q.get('communityId') ? { communityId: q.get('communityId')! } : {}),
  };
}
