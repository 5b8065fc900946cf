/** The household list's query: filters, search text and page. Kept while the user visits details. */
import type { AssistanceCategory, HouseholdStatus } from '../../../../shared/codes';

export interface HouseholdListQuery {
  q: string;
  /** At a district device: one street (omitted: every street). */
  streetCode?: string;
  communityId?: string;
  gridId?: string;
  category?: AssistanceCategory;
  status?: HouseholdStatus;
  page: number;
  pageSize: number;
}

export const INITIAL_LIST_QUERY: HouseholdListQuery = { q: '', page: 1, pageSize: 20 };

let remembered: HouseholdListQuery = INITIAL_LIST_QUERY;

export function rememberedListQuery(): HouseholdListQuery {
  return remembered;
}

export function rememberListQuery(query: HouseholdListQuery): void {
  remembered = query;
}

export function hasFilters(q: HouseholdListQuery): boolean {
  return q.q.trim() !== '' || !!q.streetCode || !!q.communityId || !!q.gridId || !!q.category || !!q.status;
}

/** The filter part of the query as the API wants it (no empty values). */
export function filterInput(q: HouseholdListQuery) {
  const text = q.q.trim();
  return {
    ...(text ? { q: text } : {}),
    ...(q.streetCode ? { streetCode: q.streetCode } : {}),
    ...(q.communityId ? { communityId: q.communityId } : {}),
    ...(q.gridId ? { gridId: q.gridId } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
}

/** Applies a change of filters: any change other than paging goes back to page 1. */
export function changeQuery(prev: HouseholdListQuery, change: Partial<HouseholdListQuery>): HouseholdListQuery {
  const next = { ...prev, ...change };
  if ('communityId' in change && change.communityId !== prev.communityId) next.gridId = undefined;
  const pagingOnly = Object.keys(change).every((k) => k === 'page' || k === 'pageSize');
  if (!pagingOnly) next.page = 1;
  if ('pageSize' in change && change.pageSize !== prev.pageSize) next.page = 1;
  return next;
}
