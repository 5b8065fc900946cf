/**
 * What SQLite plans for a query (EXPLAIN QUERY PLAN): the tables it reads whole. A one-row query must
 * search street-sized tables by an index; a SCAN of one reads every row of the street on each call.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Tables that grow with the street (tens of thousands of rows on a 40,000-household street). */
export const STREET_SIZED = [
  'households', 'persons', 'enrolments', 'enrolment_steps', 'income_rise_decisions', 'visits', 'payment_batch_rows', 'ledger_items', 'ledger_events',
  'audit_events', 'temporary_assistance', 'care_visits', 'care_cards',
];

/** Table names by the alias the query gives them (a table without an alias by its own name). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?(?!WHERE\b|ON\b|JOIN\b|LEFT\b|INNER\b|GROUP\b|ORDER\b|LIMIT\b)(\w+))?/gi)) {
    out.set(m[2] ?? m[1]!, m[1]!);
    out.set(m[1]!, m[1]!);
  }
  return out;
}

/** Columns that narrow a table only to the street or a large part of it (an index on them still reads thousands of rows). */
const WIDE_KEYS = new Set(['street_code', 'deleted_at', 'status', 'programme']);

/** True when a plan line reads a table whole (`SCAN x`) or searches it only by street-wide keys. */
function readsWhole(detail: string): string | null {
  const scan = /^SCAN (\w+)/.exec(detail);
  if (scan) return scan[1]!;
  const search = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((.*)\)$/.exec(detail);
  if (!search) return null;
  const columns = search[2]!.split(' AND ').map((c) => c.replace(/[=<>].*$/, ''));
  return columns.every((c) => WIDE_KEYS.has(c)) ? search[1]! : null;
}

/**
 * The plan's lines that read a street-sized table whole: `SCAN x` (with or without a covering index)
 * or a search by street-wide keys only (street_code, status, ...).
 */
export function streetScans(sqlite: Database.Database, sql: string, args: Record<string, unknown> | unknown[]): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array.isArray(args) ? args : [args])) as { detail: string }[];
  const tables = aliases(sql);
  return plan
    .map((p) => p.detail)
    .filter((d) => {
      const t = readsWhole(d);
      return t !== null && STREET_SIZED.includes(tables.get(t) ?? t);
    });
}
