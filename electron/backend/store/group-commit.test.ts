/**
 * A group commit (Store.groupStep, the bootstrap's snapshot pages): its steps share one transaction,
 * committed every `every` steps; a write from elsewhere, or a call the backend serves, commits the
 * open group first (it never joins it, nor is refused); a step that fails rolls back the open group.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openReadOnly } from '../db/open';
import { ADMIN, makeHarness, type Harness } from '../testing/harness';

let h: Harness;
let reader: ReturnType<typeof openReadOnly>;
const committed = (key: string) => (reader.sqlite.prepare('SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

beforeEach(async () => {
  h = await makeHarness();
  reader = openReadOnly(h.backend.dbFile, h.backend.store.databaseKey);
});
afterEach(async () => {
  reader.close();
  await h.close();
});

test('steps are committed together every `every` steps, and what a reader sees is whole steps only', () => {
  const store = h.backend.store;
  store.groupStep(3, () => store.setMeta('step-1', 'a'));
  store.groupStep(3, () => store.setMeta('step-2', 'b'));
  expect(store.sqlite.inTransaction).toBe(true);
  expect(store.getMeta('step-2')).toBe('b'); // the connection sees its open group
  expect(committed('step-1')).toBeUndefined();
  store.groupStep(3, () => store.setMeta('step-3', 'c'));
  expect(store.sqlite.inTransaction).toBe(false);
  expect([committed('step-1'), committed('step-2'), committed('step-3')]).toEqual(['a', 'b', 'c']);
});

test('a write from elsewhere between steps commits the open group first and is a transaction of its own', () => {
  const store = h.backend.store;
  store.groupStep(4, () => store.setMeta('step-1', 'a'));
  store.tx(() => store.setMeta('elsewhere', '1'));
  expect(store.sqlite.inTransaction).toBe(false);
  expect([committed('step-1'), committed('elsewhere')]).toEqual(['a', '1']);
  // a failing write from elsewhere takes nothing of the group with it
  store.groupStep(4, () => store.setMeta('step-2', 'b'));
  expect(() =>
    store.tx(() => {
      store.setMeta('elsewhere', '2');
      throw new Error('refused');
    }),
  ).toThrow('refused');
  expect([committed('step-2'), committed('elsewhere')]).toEqual(['b', '1']);
});

test('a call the backend serves commits the open group before it runs', async () => {
  const store = h.backend.store;
  store.groupStep(4, () => store.setMeta('step-1', 'a'));
  await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
  expect(store.sqlite.inTransaction).toBe(false);
  expect(committed('step-1')).toBe('a');
});

test('a failing step rolls back the open group (its steps run again: a bootstrap resumes from the last commit)', () => {
  const store = h.backend.store;
  store.groupStep(2, () => store.setMeta('step-1', 'a'));
  store.groupStep(2, () => store.setMeta('step-2', 'b'));
  store.groupStep(2, () => store.setMeta('step-3', 'c'));
  expect(() =>
    store.groupStep(2, () => {
      store.tx(() => store.setMeta('step-4', 'd'));
      throw new Error('bad page');
    }),
  ).toThrow('bad page');
  expect(store.sqlite.inTransaction).toBe(false);
  expect(store.sqlite.inTransaction).toBe(false);
  expect([store.getMeta('step-2'), store.getMeta('step-3'), store.getMeta('step-4')]).toEqual(['b', null, null]);
  store.commitGroup(); // nothing open: nothing to do
  expect([committed('step-1'), committed('step-3')]).toEqual(['a', undefined]);
});
