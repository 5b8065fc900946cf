/**
 * A batch's 补发扣回 reads each enrolment's member changes, decisions and deaths once for all its
 * months (enrolment-reads.ts): what is due for every enrolment and month equals what reading them
 * afresh for each month gives, on a street with deaths (person and household programmes, a member
 * change) and confirmed months, and the batch's rows are those of the deaths' own tests.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addMonths } from '../../../../shared/policy';
import { makeAssistanceHarness, type AssistanceHarness } from '../../../../tests/support/assistance-harness';
import { batchRowsFor, deathStreet, deathStreetDay } from '../../../../tests/support/death-street';
import { dueFor } from './batch-rows';
import { heldEnrolmentReads } from './enrolment-reads';

let a: AssistanceHarness;
beforeEach(async () => {
  a = await makeAssistanceHarness();
  await deathStreetDay(a);
});
afterEach(() => a.close());

test('what is due for every enrolment and month equals what fresh reads give', async () => {
  const s = await deathStreet(a);
  await a.at('2026-05-20T02:00:00Z');
  await a.call('registry.recordDeath', { personId: s.jinEr.id, diedOn: '2026-04-10', note: '公安户籍注销' });
  await a.call('registry.recordDeath', { personId: s.yanId, diedOn: '2026-04-28', note: '殡葬火化记录' });
  const store = a.h.backend.store;
  const enrolments = a
    .db()
    .prepare('SELECT e.*, h.deleted_at AS household_deleted FROM enrolments e JOIN households h ON h.id = e.household_id ORDER BY e.id')
    .all() as Parameters<typeof dueFor>[1][];
  expect(enrolments.length).toBeGreaterThan(4);
  const reads = heldEnrolmentReads(store);
  let stopped = 0;
  for (let m = '2026-02'; m <= '2026-08'; m = addMonths(m, 1)) {
    for (const e of enrolments) {
      const held = dueFor(store, e, m, reads);
      expect(held, `${e.id} ${m}`).toEqual(dueFor(store, e, m));
      if (held.basis === 'stopped' && e.start_month !== null && e.start_month <= m) stopped++;
    }
  }
  expect(stopped).toBeGreaterThan(0); // the deaths stop some enrolments in the months looked at
  expect(await batchRowsFor(a, 'tekun-home', '2026-06', s.tekun.id)).toEqual([['recovery', '2026-05', -187000]]);
  expect(await batchRowsFor(a, 'dibao', '2026-06', s.jinDibao.id)).toEqual([
    ['regular', '2026-06', 104500],
    ['recovery', '2026-05', -104500],
  ]);
});
