/**
 * Poison at the district server (issue 13, item 3 server side and the log part of 8): a change the
 * server cannot store — a NUL that PostgreSQL's jsonb refuses, a lone surrogate — is refused on its
 * own with a reason, the rest of the batch is stored, and no log line holds a row's fields.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startServer, STREET_A, type TestServer } from './harness';
import { communityChange, rawDevice, type RawDevice } from './raw-device';
import { syncChanges, syncRows } from '../../server/db/schema';
import { makeIdNumber } from '../../shared/id-number';

const logs: string[] = [];
let server: TestServer;
let dev: RawDevice;

beforeAll(async () => {
  server = await startServer({ logStream: { write: (line: string) => void logs.push(line) } });
  dev = await rawDevice(server, STREET_A, 'poisonpc');
});
afterAll(async () => {
  await server?.close();
});

async function stored(rowId: string) {
  const rows = await server.opened.db.select().from(syncRows).where(eq(syncRows.rowId, rowId));
  const changes = await server.opened.db.select().from(syncChanges).where(eq(syncChanges.rowId, rowId));
  return rows.length + changes.length;
}

describe('a change the server cannot store', () => {
  test('a NUL or a lone surrogate is refused per change with a reason; the changes beside it are stored', async () => {
    const ms = Date.now();
    const ok1 = communityChange(dev, ms, 1, STREET_A, 'c-ok-1', '新立社区');
    const nul = communityChange(dev, ms, 2, STREET_A, 'c-nul', '张\u0000三社区');
    const lone = communityChange(dev, ms, 3, STREET_A, 'c-lone', '李\ud800四社区');
    const ok2 = communityChange(dev, ms, 4, STREET_A, 'c-ok-2', '和平社区');
    const res = await dev.push({ changes: [ok1, nul, lone, ok2] }, { 'x-sync-reasons': '2' });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([ok1.hlc, ok2.hlc]);
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ hlc: nul.hlc, code: 'bad-text', field: 'name', message: expect.stringContaining('name') }),
      expect.objectContaining({ hlc: lone.hlc, code: 'bad-text', field: 'name' }),
    ]);
    expect(await stored('c-nul')).toBe(0);
    expect(await stored('c-lone')).toBe(0);
    expect(await stored('c-ok-2')).toBe(2);
    // Pushed again (the PC's retry): the same answer, never a 500.
    const again = await dev.push({ changes: [nul, ok2] });
    expect(again.status).toBe(200);
    expect(again.body.rejected.map((r) => r.hlc)).toEqual([nul.hlc]);
  });

  test('a database error on one change (the checks missed it) refuses that change only, under its savepoint', async () => {
    // A real database refusal of one row: a trigger raising an error that quotes the row.
    await server.opened.db.execute(sql.raw(`CREATE FUNCTION poison_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.row_id = 'c-boom' THEN RAISE EXCEPTION 'cannot store %', NEW.fields::text; END IF; RETURN NEW; END $$`));
    await server.opened.db.execute(sql.raw('CREATE TRIGGER poison_boom BEFORE INSERT ON sync_changes FOR EACH ROW EXECUTE FUNCTION poison_boom()'));
    try {
      const ms = Date.now();
      const before = communityChange(dev, ms, 11, STREET_A, 'c-before', '前进社区');
      const boom = communityChange(dev, ms, 12, STREET_A, 'c-boom', '爆炸社区');
      const after = communityChange(dev, ms, 13, STREET_A, 'c-after', '后进社区');
      logs.length = 0;
      const res = await dev.push({ changes: [before, boom, after] }, { 'x-sync-reasons': '2' });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toEqual([before.hlc, after.hlc]);
      expect(res.body.rejected).toEqual([expect.objectContaining({ hlc: boom.hlc, code: 'store-failed' })]);
      expect(await stored('c-boom')).toBe(0);
      expect(await stored('c-after')).toBe(2);
      const text = logs.join('\n');
      expect(text).toContain(boom.hlc);
      expect(text).not.toContain('爆炸社区');
    } finally {
      await server.opened.db.execute(sql.raw('DROP TRIGGER poison_boom ON sync_changes'));
      await server.opened.db.execute(sql.raw('DROP FUNCTION poison_boom()'));
    }
  });

  test('a client that does not say it knows the newer codes gets the older code it stands in for', async () => {
    const ms = Date.now();
    const nul = communityChange(dev, ms, 21, STREET_A, 'c-nul-old', '旧\u0000版');
    const res = await dev.push({ changes: [nul] });
    expect(res.body.rejected).toEqual([expect.objectContaining({ code: 'bad-value', field: 'name', message: expect.stringContaining('空字符') })]);
  });

  test('no server log line holds a row field of a refused or a failed change', async () => {
    const ms = Date.now();
    const idNumber = makeIdNumber('120110', '19560312', 417);
    const at = new Date(ms).toISOString();
    const person = {
      hlc: dev.hlc(ms, 9),
      node: dev.node,
      table: 'persons',
      rowId: 'p-poison',
      partition: STREET_A,
      fields: {
        id: 'p-poison', created_at: at, updated_at: at, street_code: STREET_A, household_id: 'h-x', relation: '01',
        name: '孙\u0000秀英', name_pinyin: 'sunxiuying', name_initials: 'sxy', id_number: idNumber, sex: 'female', birth_date: '1956-03-12',
      },
    };
    logs.length = 0;
    const res = await dev.push({ changes: [person] }, { 'x-sync-reasons': '2' });
    // A body the server cannot even parse as a push: refused as a whole, the values not logged.
    const broken = await dev.push({ changes: [{ ...person, fields: { ...person.fields, name: { first: '孙秀英' } } }] });
    const text = logs.join('\n');
    expect(text).toContain('push');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('秀英');
    expect(text).not.toContain('sunxiuying');
    expect(res.status).toBe(200);
    expect(res.body.rejected[0]).toMatchObject({ code: 'bad-text', field: 'name' });
    expect(broken.status).toBe(400);
  });
});
