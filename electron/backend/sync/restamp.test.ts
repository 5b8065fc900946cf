import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../app';
import { formatHlc, parseHlc } from '../../../shared/hlc';
import { restampFutureChanges } from './restamp';
import { removeTestDir } from '../testing/remove-dir';

const DAY = 24 * 3600_000;
let open: { b: Backend; dir: string }[] = [];
afterEach(() => {
  for (const o of open) {
    o.b.close();
    removeTestDir(o.dir);
  }
  open = [];
});

function backendTenDaysFast() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-restamp-'));
  const b = createBackend({ dataDir: dir, now: () => new Date(Date.now() + 10 * DAY), logError: () => undefined, sync: { autoStart: false } });
  open.push({ b, dir });
  return b;
}

const actor = { userId: null, username: 'test', streetCode: '120110001000' };

describe('re-stamping changes a fast clock put in the future', () => {
  test('new stamps from the server time, after every stamp held, in the original order; field clocks follow', () => {
    const b = backendTenDaysFast();
    const s = b.store;
    const id = s.insert('communities', { streetCode: actor.streetCode, name: '甲' }, actor, null);
    s.update('communities', id, { name: '乙' }, actor, null);
    const before = s.prepare('SELECT seq, hlc FROM change_log ORDER BY seq').all() as { seq: number; hlc: string }[];
    const serverNow = Date.now();
    // A stamp received from the server two minutes "ahead" (within the server's five): the floor.
    const remote = formatHlc({ millis: serverNow + 120_000, counter: 3, node: 'otherreplica' });
    s.noteRemoteHlc(remote);
    s.noteClockSkew(10 * DAY); // the drift a sync measured

    expect(restampFutureChanges(s, serverNow)).toBe(before.length);
    const after = s.prepare('SELECT seq, hlc, pushed_at FROM change_log ORDER BY seq').all() as { seq: number; hlc: string; pushed_at: string | null }[];
    expect(after.map((c) => c.seq)).toEqual(before.map((c) => c.seq));
    for (const c of after) {
      expect(c.hlc > remote).toBe(true);
      expect(parseHlc(c.hlc).millis).toBeLessThanOrEqual(serverNow + 5 * 60_000);
      expect(c.pushed_at).toBeNull();
    }
    for (let i = 1; i < after.length; i++) expect(after[i]!.hlc > after[i - 1]!.hlc).toBe(true);
    const clocks = s.prepare('SELECT field, hlc FROM field_clocks WHERE row_id = ?').all(id) as { field: string; hlc: string }[];
    expect(clocks.find((c) => c.field === 'name')!.hlc).toBe(after.at(-1)!.hlc);
    expect(clocks.some((c) => before.some((o) => o.hlc === c.hlc))).toBe(false);
    // Nothing left in the future: a second pass changes nothing, and the next local edit follows on.
    expect(restampFutureChanges(s, serverNow)).toBe(0);
    s.update('communities', id, { name: '丙' }, actor, null);
    const last = (s.prepare('SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hlc: string }).hlc;
    expect(last > after.at(-1)!.hlc).toBe(true);
    expect(parseHlc(last).millis).toBeLessThanOrEqual(Date.now() + 5 * 60_000); // the server takes it
  });

  test('changes the server already accepted keep their stamps', () => {
    const b = backendTenDaysFast();
    const s = b.store;
    s.insert('communities', { streetCode: actor.streetCode, name: '已上传' }, actor, null);
    s.prepare("UPDATE change_log SET pushed_at = '2026-01-01T00:00:00Z'").run();
    const kept = (s.prepare('SELECT hlc FROM change_log').get() as { hlc: string }).hlc;
    expect(restampFutureChanges(s, Date.now())).toBe(0);
    expect((s.prepare('SELECT hlc FROM change_log').get() as { hlc: string }).hlc).toBe(kept);
  });
});
