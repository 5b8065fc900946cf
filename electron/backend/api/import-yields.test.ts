/**
 * A large Excel import commits in one transaction that gives other calls a turn: it reports its
 * progress in order, a cheap call made meanwhile is answered before it ends (from the last committed
 * state), a write made meanwhile waits for it, and an import that fails on its last row writes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import type { BackendEvent, ProgressInfo } from '../../../shared/api/events';
import { makeHarness, type Harness } from '../testing/harness';
import { importRows, importWorkbook } from '../testing/import-file';

const HOUSEHOLDS = 1500;

let h: Harness;
let progress: ProgressInfo[];
let onProgress: (p: ProgressInfo) => void;
beforeEach(async () => {
  progress = [];
  onProgress = () => undefined;
  const now = new Date('2026-03-05T02:00:00Z');
  h = await makeHarness({
    now: () => now,
    events: (e: BackendEvent) => {
      if (e.type !== 'progress' || e.progress.task !== 'registry.importCommit') return;
      progress.push(e.progress);
      onProgress(e.progress);
    },
  });
});
afterEach(() => h.close());

async function previewOf(households: number, idOf?: Parameters<typeof importRows>[2]) {
  const [community] = await h.call('org.listCommunities', {});
  const base64 = await importWorkbook(importRows(community!.name, households, idOf));
  return { community: community!, preview: await h.call('registry.importPreview', { fileName: '导入.xlsx', base64 }) };
}

const count = (sql: string) => (h.backend.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('a large import gives other calls a turn', () => {
  test('progress in order; a cheap call is answered before the import ends; a write made meanwhile waits for the commit', async () => {
    const { community, preview } = await previewOf(HOUSEHOLDS);
    expect(preview.validHouseholds).toBe(HOUSEHOLDS);
    const log: string[] = [];
    let cheap: Promise<unknown> | null = null;
    let write: Promise<unknown> | null = null;
    // The calls arrive as messages would, on a later turn of the event loop.
    const later = () => new Promise((resolve) => setImmediate(resolve));
    onProgress = () => {
      if (cheap) return;
      cheap = later().then(() => h.call('auth.me', {})).then((me) => log.push(`auth.me ${me.user.username}`));
      write = later()
        .then(() => h.call('registry.createHousehold', {
          household: { communityId: community.id, address: '詹滨东里1号', hukouType: 'urban', categories: [] },
          members: [{ name: '赵六', idNumber: makeIdNumber('120110', '19700101', 311), relation: '02' }],
        }))
        .then(() => log.push(`write saw ${count('SELECT count(*) AS n FROM households')} households`));
    };
    const result = await h.call('registry.importCommit', { importId: preview.importId });
    log.push('import done');
    await Promise.all([cheap, write]);
    expect(result).toEqual({ households: HOUSEHOLDS, persons: 2 * HOUSEHOLDS });
    // The cheap call came in at the first progress step and was answered long before the end; the
    // write waited until the import had committed (it ran after it, never inside its transaction).
    expect(log).toEqual(['auth.me admin', 'import done', `write saw ${HOUSEHOLDS + 1} households`]);

    expect(progress.length).toBeGreaterThan(5);
    expect(progress.length).toBeLessThan(200);
    expect(progress[0]).toMatchObject({ label: '正在导入家庭', total: HOUSEHOLDS, finished: false });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: HOUSEHOLDS, total: HOUSEHOLDS, finished: true });
    expect(progress.filter((p) => p.finished)).toHaveLength(1);
  }, 120_000);

  test('an import that fails on its last row writes nothing, and the next write goes through', async () => {
    const taken = makeIdNumber('120110', '19500101', 881);
    const { community, preview } = await previewOf(HOUSEHOLDS, (i, m) => (i === HOUSEHOLDS - 1 && m === 1 ? taken : undefined));
    // Registered by a colleague between preview and commit: the last household now fails.
    await h.call('registry.createHousehold', {
      household: { communityId: community.id, address: '詹滨东里2号', hukouType: 'urban', categories: [] },
      members: [{ name: '钱七', idNumber: taken, relation: '02' }],
    });
    const before = {
      households: count('SELECT count(*) AS n FROM households'),
      persons: count('SELECT count(*) AS n FROM persons'),
      changes: count('SELECT count(*) AS n FROM change_log'),
      audit: count('SELECT count(*) AS n FROM audit_events'),
    };
    const r = await h.raw('registry.importCommit', { importId: preview.importId });
    expect(r).toMatchObject({ ok: false, error: { code: 'id-number-in-use', field: 'importId', details: { row: 2 * HOUSEHOLDS + 1 } } });
    if (!r.ok) expect(r.error.message).toMatch(/^导入未完成，没有写入任何数据：第3001行/);
    expect(progress.length).toBeGreaterThan(5); // it failed far into the file
    expect({
      households: count('SELECT count(*) AS n FROM households'),
      persons: count('SELECT count(*) AS n FROM persons'),
      changes: count('SELECT count(*) AS n FROM change_log'),
      audit: count('SELECT count(*) AS n FROM audit_events'),
    }).toEqual(before);
    expect(count("SELECT count(*) AS n FROM household_search WHERE household_search MATCH '詹滨西里'")).toBe(0);
    expect((await h.raw('registry.listHouseholds', {})).ok).toBe(true);
    expect((await h.call('registry.listHouseholds', {})).total).toBe(1);
  }, 120_000);
});
