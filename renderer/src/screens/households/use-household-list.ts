/**
 * The household list's data: one page from the backend for the current query. The search text is
 * debounced (200 ms); replies to superseded queries are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HouseholdRow, Page } from '../../../../shared/registry/types';
import { api } from '../../api/client';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useLiveRefresh } from '../../hooks/use-live-refresh';
import {
  changeQuery,
  filterInput,
  rememberListQuery,
  rememberedListQuery,
  type HouseholdListQuery,
} from './list-state';

export interface HouseholdList {
  query: HouseholdListQuery;
  /** The search text as the backend last saw it (after the debounce). */
  appliedQ: string;
  update: (change: Partial<HouseholdListQuery>) => void;
  reset: () => void;
  page: Page<HouseholdRow> | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function useHouseholdList(): HouseholdList {
  const [query, setQuery] = useState<HouseholdListQuery>(rememberedListQuery);
  const q = useDebouncedValue(query.q, 200);
  const [page, setPage] = useState<Page<HouseholdRow> | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);

  useEffect(() => rememberListQuery(query), [query]);

  const { streetCode, communityId, gridId, category, status } = query;
  const pageNo = query.page;
  const pageSize = query.pageSize;

  useEffect(() => {
    const id = ++seq.current;
    setLoading(true);
    setError(undefined);
    const input = { ...filterInput({ q, streetCode, communityId, gridId, category, status, page: pageNo, pageSize }), page: pageNo, pageSize };
    api
      .call('registry.listHouseholds', input)
      .then((result) => {
        if (id === seq.current) setPage(result);
      })
      .catch((e: unknown) => {
        if (id === seq.current) setError(e);
      })
      .finally(() => {
        if (id === seq.current) setLoading(false);
      });
  }, [q, streetCode, communityId, gridId, category, status, pageNo, pageSize, nonce]);

  const update = useCallback((change: Partial<HouseholdListQuery>) => setQuery((prev) => changeQuery(prev, change)), []);
  const reset = useCallback(() => setQuery((prev) => ({ ...prev, q: '', communityId: undefined, gridId: undefined, category: undefined, status: undefined, page: 1 })), []);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  useLiveRefresh(reload, ['registry', 'org']); // the page and its rows stay while it reloads

  return { query, appliedQ: q, update, reset, page, loading, error, reload };
}
