import { describe, expect, it } from 'vitest';
import { changeQuery, filterInput, hasFilters, INITIAL_LIST_QUERY } from './list-state';

describe('household list query', () => {
  it('goes back to page 1 when a filter changes, not when paging', () => {
    const onPage3 = { ...INITIAL_LIST_QUERY, page: 3 };
    expect(changeQuery(onPage3, { q: '张' }).page).toBe(1);
    expect(changeQuery(onPage3, { status: 'watch' }).page).toBe(1);
    expect(changeQuery(onPage3, { page: 4 }).page).toBe(4);
    expect(changeQuery(onPage3, { pageSize: 50 }).page).toBe(1);
  });

  it('clears the grid when the community changes', () => {
    const q = { ...INITIAL_LIST_QUERY, communityId: 'a', gridId: 'g' };
    expect(changeQuery(q, { communityId: 'b' }).gridId).toBeUndefined();
    expect(changeQuery(q, { category: 'dibao' }).gridId).toBe('g');
  });

  it('sends only the filters that are set', () => {
    expect(filterInput({ ...INITIAL_LIST_QUERY, q: '  zs ' })).toEqual({ q: 'zs' });
    expect(filterInput(INITIAL_LIST_QUERY)).toEqual({});
    expect(hasFilters(INITIAL_LIST_QUERY)).toBe(false);
    expect(hasFilters({ ...INITIAL_LIST_QUERY, status: 'exited' })).toBe(true);
  });
});
