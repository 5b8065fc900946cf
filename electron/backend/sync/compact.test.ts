/**
 * The storage migration of issue 19 on a database in the layout today's main writes (a clock entry
 * per field of every locally written row, acknowledged changes kept in the log): every row, every
 * field's clock and every unpushed or refused change is kept; and a process killed (SIGKILL) at
 * random points of it leaves a usable database that the next run finishes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/open';
import { Store } from '../store/store';
import { applyRemote, fromChange } from './apply';
import { columnOrder } from './clocks';
import { COMPACT_META, compactStorage, readClocks } from './compact';
import { outboxBatch } from './encode';
import { ownCheck } from './recover';
import { TEST_ACTOR, TEST_STREET, memoryStore } from './testing/memory-replicas';
import { removeTestDir } from '../testing/remove-dir';

const at = () => new Date(Date.UTC(2026, 5, 1, 8));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeTestDir(d);
});

function openStore(file: string): Store {
  return new Store(openDatabase(file, { key: null }), { now: at });
}

/** A database as today's main leaves it: field entries for local rows, the whole history in the log. */
function oldLayout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-compact-'));
  dirs.push(dir);
  const file = path.join(dir, 'doudi.sqlite');
  const s = openStore(file);
  s.tx(() => {
    for (let i = 0; i < 120; i++) {
      const c = s.insert('communities', { streetCode: TEST_STREET, name: `社区${i}` }, TEST_ACTOR, { action: 'org.saveCommunity', summary: '新建社区' });
      s.insert('grids', { streetCode: TEST_STREET, communityId: c, name: `网格${i}` }, TEST_ACTOR, null);
      if (i % 3 === 0) s.update('communities', c, { contactName: `联系人${i}` }, TEST_ACTOR, null);
    }
  });
  // rows from another replica, stored as new (a row clock already) or field by field
  const other = memoryStore(at);
  other.insert('communities', { streetCode: TEST_STREET, name: '外来' }, TEST_ACTOR, null);
  const remote = outboxBatch(other, 10);
  other.sqlite.close();
  s.tx(() => applyRemote(s, remote.map(fromChange)));
  // acknowledged as main did (kept, marked), one refused, the last ones still unpushed
  s.prepare("UPDATE change_log SET pushed_at = '2026-06-01T08:00:00.000Z' WHERE seq <= (SELECT max(seq) - 20 FROM change_log)").run();
  const refused = s.prepare('SELECT hlc, table_name, row_id, fields FROM change_log WHERE pushed_at IS NOT NULL ORDER BY seq DESC LIMIT 1').get() as {
    hlc: string; table_name: string; row_id: string; fields: string;
  };
  s.prepare("INSERT INTO sync_rejections (hlc, table_name, row_id, code, message, field, fields, at) VALUES (?, ?, ?, 'bad-text', '名称不合规', 'name', ?, ?)").run(
    refused.hlc, refused.table_name, refused.row_id, refused.fields, s.nowIso(),
  );
  // main stamped local rows field by field: the row clocks of local writes, spelled out
  const local = s.prepare("SELECT f.table_name AS t, f.row_id AS r, f.field, f.hlc FROM field_clocks f WHERE f.field LIKE '*%' AND f.hlc LIKE ?").all(`%-${s.nodeId}`) as {
    t: string; r: string; field: string; hlc: string;
  }[];
  s.tx(() => {
    for (const e of local) {
      const n = Number(e.field.slice(1));
      for (const [col, cid] of columnOrder(s, e.t)) {
        if (cid < n) s.prepare('INSERT INTO field_clocks (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(e.t, e.r, col, e.hlc);
      }
      s.prepare('DELETE FROM field_clocks WHERE table_name = ? AND row_id = ? AND field = ?').run(e.t, e.r, e.field);
    }
  });
  s.sqlite.close();
  return file;
}

/** What the migration must keep. */
function observe(s: Store) {
  const rows = s.prepare('SELECT DISTINCT table_name AS t, row_id AS r FROM field_clocks ORDER BY 1, 2').all() as { t: string; r: string }[];
  return {
    data: Object.fromEntries(['communities', 'grids', 'audit_events'].map((t) => [t, s.prepare(`SELECT * FROM "${t}" ORDER BY id`).all()])),
    clocks: Object.fromEntries(rows.map(({ t, r }) => [`${t}/${r}`, readClocks(s, t, r)])),
    unpushed: s.prepare('SELECT hlc, node_id, table_name, row_id, partition, fields FROM change_log WHERE pushed_at IS NULL ORDER BY seq').all(),
    refused: s.prepare('SELECT c.hlc, c.fields FROM change_log c JOIN sync_rejections r ON r.hlc = c.hlc').all(),
    known: ownCheck(s).known,
  };
}

const entries = (s: Store) => s.prepare('SELECT count(*) FROM field_clocks').pluck().get() as number;

describe('migration of an existing database (issue 19)', () => {
  test('keeps every row, every clock of every field and every unpushed or refused change; the log keeps nothing else', () => {
    const file = oldLayout();
    const s = openStore(file);
    try {
      const before = observe(s);
      const entriesBefore = entries(s);
      expect(s.prepare('SELECT count(*) FROM change_log').pluck().get()).toBeGreaterThan(300);
      const progress: number[] = [];
      const result = compactStorage(s, { chunk: 100, onProgress: (p) => progress.push(p.done) });
      expect(observe(s)).toEqual(before);
      expect(result.rowsFolded).toBeGreaterThan(300);
      expect(entries(s)).toBeLessThan(entriesBefore / 4);
      expect(s.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(21);
      expect(progress.length).toBeGreaterThan(10);
      expect(s.getMeta(COMPACT_META)).toBe('1');
      // done once: a second start does nothing
      expect(compactStorage(s)).toEqual({ changesForgotten: 0, rowsFolded: 0, entriesRemoved: 0, vacuumed: false });
    } finally {
      s.sqlite.close();
    }
  });

  test('killed (SIGKILL) at random points, it leaves a usable database each time, and the next run finishes', async () => {
    const file = oldLayout();
    const s0 = openStore(file);
    const before = observe(s0);
    const entriesBefore = entries(s0);
    s0.sqlite.close();
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'compact-child.ts');
    let seed = 19;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    let finished = false;
    let kills = 0;
    for (let round = 0; round < 6 && !finished; round++) {
      const killAfter = 1 + Math.floor(random() * 6);
      const proc = spawn(process.execPath, ['--import', 'tsx', child, file, '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let lines = 0;
      let err = '';
      proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
      proc.stdout.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n')) {
          if (line.startsWith('done')) finished = true;
          if (line.startsWith('progress') && ++lines === killAfter) proc.kill('SIGKILL');
        }
      });
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      if (!finished) {
        expect(code, err).toBeNull(); // killed, not failed
        kills++;
      }
      const s = openStore(file);
      try {
        expect(s.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        expect(observe(s)).toEqual(before);
      } finally {
        s.sqlite.close();
      }
    }
    expect(kills).toBeGreaterThan(2);
    const s = openStore(file);
    try {
      compactStorage(s);
      expect(s.getMeta(COMPACT_META)).toBe('1');
      expect(observe(s)).toEqual(before);
      expect(entries(s)).toBeLessThan(entriesBefore / 4);
    } finally {
      s.sqlite.close();
    }
  }, 120_000);
});
