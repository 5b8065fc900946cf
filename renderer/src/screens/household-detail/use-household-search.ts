/** Households found by registry.search for a pick list (debounced; one option per household). */
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/registry/types';
import { api, errorMessage } from '../../api/client';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

export interface HouseholdOption {
  value: string;
  label: string;
}

export function householdOptions(hits: SearchHit[], excludeId: string): HouseholdOption[] {
  const seen = new Set<string>();
  const out: HouseholdOption[] = [];
  for (const h of hits) {
    if (h.householdId === excludeId || seen.has(h.householdId)) continue;
    seen.add(h.householdId);
    out.push({ value: h.householdId, label: h.subtitle ? `${h.title}（${h.subtitle}）` : h.title });
  }
  return out;
}

export function useHouseholdSearch(text: string, excludeId: string) {
  const q = useDebouncedValue(text.trim(), 200);
  const [options, setOptions] = useState<HouseholdOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    if (!q) {
      setOptions([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    api
      .call('registry.search', { q, limit: 20 })
      .then((hits) => id === seq.current && setOptions(householdOptions(hits, excludeId)))
      .catch((e: unknown) => id === seq.current && setError(errorMessage(e)))
      .finally(() => id === seq.current && setLoading(false));
  }, [q, excludeId]);

  return { options, loading, error };
}
