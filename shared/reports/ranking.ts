/**
 * Ranking the streets on the plan's measures from their submitted reports (issue 15): fewer lagging
 * measures first, then coverage (higher), overdue items (fewer), 24-hour compliance and 四有 (higher);
 * a measure with nothing to measure (null) counts as met. Equal figures share a rank; a street that
 * has not submitted has no rank and is marked 未报送.
 */
import type { StreetMeasures, StreetRanking } from './monthly-report';
import { laggingReasons, type LaggingLines } from './lagging';
import type { ComparedStreet } from './compare';

export const NOT_SUBMITTED = '未报送本月调度报表';

function sortKey(m: StreetMeasures, lagging: number): number[] {
  const share = (v: number | null) => -(v ?? 10000);
  return [lagging, share(m.coverageBp), m.overdueItems, share(m.urgentWithin24hBp), share(m.careFourHasBp)];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export function rankStreets(month: string, streets: ComparedStreet[], lines: LaggingLines): StreetRanking {
  const rows = streets.map((s) => ({
    street: s.street,
    submission: s.submission ? { id: s.submission.id, version: s.submission.version, submittedAt: s.submission.submittedAt } : null,
    measures: s.measures,
    rank: null as number | null,
    lagging: s.measures ? laggingReasons(s.measures, lines) : [NOT_SUBMITTED],
  }));
  const ranked = rows
    .filter((r) => r.measures)
    .map((r) => ({ r, key: sortKey(r.measures!, r.lagging.length) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  ranked.forEach((x, i) => {
    const prev = ranked[i - 1];
    x.r.rank = prev && compareKeys(prev.key, x.key) === 0 ? prev.r.rank : i + 1;
  });
  const unranked = rows.filter((r) => !r.measures);
  return { month, rows: [...ranked.map((x) => x.r), ...unranked] };
}
