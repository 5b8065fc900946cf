/**
 * A street set up before an upgrade that added parameter keys gets their defaults on the next start;
 * a key the street has (even one an administrator deleted) is left as it is.
 */
import { afterEach, expect, test } from 'vitest';
import { createBackend } from '../../app';
import { makeHarness, type Harness } from '../../testing/harness';

let h: Harness | undefined;
afterEach(() => h?.close());

test('new keys are seeded on start; existing and deleted keys are not touched', async () => {
  const now = new Date('2026-06-15T02:00:00Z');
  h = await makeHarness({ now: () => now });
  const sql = h.backend.store.sqlite;
  // As a database from before the 渐退 terms existed, and one where the administrator deleted a figure.
  sql.prepare("DELETE FROM policy_params WHERE key LIKE 'dibao.gradualExit.%'").run();
  sql.prepare("UPDATE policy_params SET deleted_at = '2026-06-01T00:00:00.000Z' WHERE key = 'care.renewalNoticeDays'").run();
  h.backend.close();
  const again = createBackend({ dataDir: h.dataDir, now: () => now, logError: () => undefined, sync: { autoStart: false } });
  try {
    const rows = again.store.sqlite.prepare("SELECT key, value, deleted_at FROM policy_params WHERE key LIKE 'dibao.gradualExit.%' ORDER BY key").all();
    expect(rows).toEqual([
      { key: 'dibao.gradualExit.fullMonths', value: '3', deleted_at: null },
      { key: 'dibao.gradualExit.fullPercent', value: '100', deleted_at: null },
      { key: 'dibao.gradualExit.reducedMonths', value: '3', deleted_at: null },
      { key: 'dibao.gradualExit.reducedPercent', value: '50', deleted_at: null },
    ]);
    const renewal = again.store.sqlite.prepare("SELECT count(*) AS n FROM policy_params WHERE key = 'care.renewalNoticeDays' AND deleted_at IS NULL").get();
    expect(renewal).toEqual({ n: 0 });
  } finally {
    again.close();
    h.backend = again; // closed above; the harness removes the folder
  }
});
