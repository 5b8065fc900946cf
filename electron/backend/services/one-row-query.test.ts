/**
 * Queries asked both street-wide and for one row: both forms come from one text, and the one-row
 * form searches the street's tables by index (EXPLAIN QUERY PLAN on the app's own schema): a SCAN of
 * a street-sized table would read every household, person or step of the street on each call.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import { streetScans } from '../testing/query-plan';
import { formFor, oneRowQuery } from './one-row-query';
import { REVIEW_QUERIES } from './assistance/reviews';
import { ENROLMENT_LIST } from './assistance/read';
import { VISIT_FILTER } from './screening/visits';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(async () => {
  await h.close();
});

const STREET = { street: '120110001000', programme: null, community: null };

describe('oneRowQuery', () => {
  test('the forms differ only where asked: the key condition is in the one-row form alone', () => {
    const q = oneRowQuery(({ either, onlyOne }) => `SELECT * FROM t WHERE ${either('a IN (SELECT 1)', 'a = @a')} AND b = 1 ${onlyOne('t.id')}`);
    expect(q.any).toBe('SELECT * FROM t WHERE a IN (SELECT 1) AND b = 1 ');
    expect(q.one).toBe('SELECT * FROM t WHERE a = @a AND b = 1 AND t.id = @one');
    expect(formFor(q, null)).toBe(q.any);
    expect(formFor(q, 'x')).toBe(q.one);
  });
});

/** Each one-row query with the parameters it is called with. */
const ONE_ROW: [name: string, sql: string, args: Record<string, unknown>][] = [
  ['复审: the enrolment and its review and approval steps', REVIEW_QUERIES.scheduled.one, { ...STREET, one: 'e1' }],
  ['复审: the members of the enrolment’s household', REVIEW_QUERIES.members.one, { street: STREET.street, one: 'e1' }],
  ['户档案: the household’s enrolments', ENROLMENT_LIST.one, { ...STREET, status: null, household: 'h1' }],
  ['户档案: the household’s visits', `SELECT count(*) FROM visits v WHERE ${VISIT_FILTER.one}`, { street: STREET.street, household: 'h1', community: null, grid: null, from: null, to: null }],
];

describe('one-row forms search by index', () => {
  test.each(ONE_ROW)('%s', (_name, sql, args) => {
    expect(streetScans(h.backend.store.sqlite, sql, args)).toEqual([]);
  });

  test('the check sees a street read: one text for both forms, `(@one IS NULL OR x = @one)`, reads the street', () => {
    const sqlite = h.backend.store.sqlite;
    const bothInOne = `SELECT m.name FROM persons m WHERE m.street_code = @street AND m.deleted_at IS NULL AND (@one IS NULL OR m.household_id = @one)`;
    expect(streetScans(sqlite, bothInOne, { street: STREET.street, one: 'h1' })).not.toEqual([]);
    expect(streetScans(sqlite, REVIEW_QUERIES.scheduled.any, STREET)).not.toEqual([]);
  });
});
