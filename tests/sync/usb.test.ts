/**
 * Sync by file (USB) when the network is gone for days (issue 16): PC A, offline, exports its outbox;
 * the district imports it through the push's own code and answers with what A lacks; A imports the
 * answer. Afterwards the network sync finds nothing to do twice: A and B converge, nothing doubled.
 * A bundle is imported once (either direction); a tampered one, another street's and an older one
 * are refused in Chinese with nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { bundleImports, syncChanges } from '../../server/db/schema';
import { importBundle } from '../../server/sync/bundle';
import { exportBundle, importAnswer } from '../../electron/backend/sync/bundle';
import { openRejections, outboxCount } from '../../electron/backend/sync/encode';
import { syncConfig } from '../../electron/backend/sync/session';
import { readBundleHeader, sealBundle, tokenDigest } from '../../shared/sync/bundle';
import { SYNC_CATALOG } from '../../shared/sync/catalog';
import { actorOf, rows, STREET_A, STREET_B, type Replica } from './harness';
import { serverPerFile } from './file-server';
import { addCommunities, expectConverged } from './invariants';
import { removeTestDir } from '../../electron/backend/testing/remove-dir';

const district = serverPerFile();
const { replica } = district;
const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-usb-'));
afterAll(() => removeTestDir(usb));

/** The file as it lands on the USB stick and is read back at the other end. */
function carry(file: { fileName: string; bytes: Uint8Array }): Uint8Array {
  const at = path.join(usb, file.fileName);
  fs.writeFileSync(at, file.bytes);
  return new Uint8Array(fs.readFileSync(at));
}

/** Every synced table's rows: what "nothing changed" compares. */
function tables(r: Replica): Record<string, unknown[]> {
  return Object.fromEntries([...SYNC_CATALOG.keys()].map((t) => [t, rows(r, t)]));
}

async function serverChanges(): Promise<number> {
  const [r] = await district.server.opened.db.select({ n: count() }).from(syncChanges);
  return Number(r!.n);
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('sync by file (USB)', () => {
  test('500 offline changes go by file, 300 of B come back in the answer, and the network sync then converges with nothing doubled', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const before = rows(a, 'communities').length;

    const offline = addCommunities(a, 'A断网', 500);
    expect(outboxCount(a.backend.store)).toBe(500);
    addCommunities(b, 'B联网', 300);
    expect((await b.sync()).pushed).toBe(300);

    const exported = await exportBundle(a.backend.store);
    expect(exported.fileName).toMatch(new RegExp(`^同步包-.+-\\d{8}-${exported.seq}\\.doudi$`));
    expect(exported.changes).toBe(500);
    // the names travel encrypted: none of them is in the file
    expect(Buffer.from(exported.bytes).includes(Buffer.from('A断网'))).toBe(false);

    const imported = await importBundle(district.server.opened.db, carry(exported), new Date());
    expect(imported.already).toBe(false);
    expect(imported.result.accepted).toHaveLength(500);
    expect(imported.result.rejected).toEqual([]);
    expect(imported.answerChanges).toBe(300);
    expect(imported.more).toBe(false);

    const answerFile = { fileName: '同步应答.doudi', bytes: imported.answer };
    const applied = await importAnswer(a.backend.store, carry(answerFile));
    expect(applied).toMatchObject({ already: false, seq: exported.seq, acknowledged: 500, rejected: 0, pulled: 300, more: false });
    expect(applied.message).toContain('区级服务器接收本机修改 500 条');
    // acknowledged changes left the log, as after a network push
    expect(outboxCount(a.backend.store)).toBe(0);
    expect(a.backend.store.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    expect(rows(a, 'communities')).toHaveLength(before + 800);

    // the same bundle twice, either direction: nothing changes, and each end says so
    const changesOnServer = await serverChanges();
    const again = await importBundle(district.server.opened.db, carry(exported), new Date());
    expect(again.already).toBe(true);
    expect(again.result.accepted).toHaveLength(500);
    expect(await serverChanges()).toBe(changesOnServer);
    const onA = tables(a);
    const twice = await importAnswer(a.backend.store, carry(answerFile));
    expect(twice.already).toBe(true);
    expect(twice.message).toContain('已导入过');
    expect(tables(a)).toEqual(onA);

    // the next network syncs have nothing left to move
    const aNext = await a.sync();
    expect(aNext).toMatchObject({ pushed: 0, pulled: 0 });
    expect((await b.sync()).pulled).toBe(500);
    await expectConverged(district.server, [a, b]);
    const names = rows(b, 'communities').map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(rows(b, 'communities').filter((c) => offline.includes(c.id as string))).toHaveLength(500);
  }, 120_000);

  test('a tampered bundle, another street\'s and an older one are refused with their Chinese messages, nothing written', async () => {
    const a = await replica('a2');
    const c = await replica('c', STREET_B);
    addCommunities(a, '第一包', 3);
    const first = await exportBundle(a.backend.store);
    addCommunities(a, '第二包', 2);
    const second = await exportBundle(a.backend.store);
    expect(second.seq).toBeGreaterThan(first.seq);
    const changesBefore = await serverChanges();

    // one byte flipped in the sealed part, or in the clear header (authenticated with it)
    const last = first.bytes.length - 20;
    await expect(importBundle(district.server.opened.db, flipped(first.bytes, last), new Date())).rejects.toMatchObject({
      code: 'bundle-tampered',
      message: expect.stringContaining('同步包校验失败'),
    });
    const headerAt = Buffer.from(first.bytes).indexOf(Buffer.from('"createdAt":"')) + 16; // a digit of the year, still a digit
    await expect(importBundle(district.server.opened.db, flipped(first.bytes, headerAt), new Date())).rejects.toMatchObject({ code: 'bundle-tampered' });

    // a bundle naming another street than its device's, sealed with the device's own key
    const cfg = syncConfig(a.backend.store)!;
    const header = { ...readBundleHeader(first.bytes), street: STREET_B, seq: 99 };
    const forged = await sealBundle(await tokenDigest(cfg.token), header, { changes: [], cursor: 0, check: { known: 'none', node: 'x' }, replica: { demo: false, streetCode: STREET_B }, ticket: null });
    await expect(importBundle(district.server.opened.db, forged, new Date())).rejects.toMatchObject({
      code: 'bundle-other-street',
      message: expect.stringContaining(`同步包写明的街道 ${STREET_B}`),
    });
    expect(await serverChanges()).toBe(changesBefore);
    expect(await district.server.opened.db.select().from(bundleImports).where(eq(bundleImports.deviceId, a.backend.store.getMeta('sync_device_id')!))).toEqual([]);

    // in order, then the older again: refused at the district, and its answer on the PC
    const older = await importBundle(district.server.opened.db, first.bytes, new Date());
    const newer = await importBundle(district.server.opened.db, second.bytes, new Date());
    expect(newer.result.accepted).toHaveLength(5);
    await expect(importBundle(district.server.opened.db, first.bytes, new Date())).rejects.toMatchObject({
      code: 'bundle-old',
      message: expect.stringContaining(`本设备已导入序号 ${second.seq} 的同步包`),
    });
    expect(await serverChanges()).toBe(changesBefore + 5);
    await importAnswer(a.backend.store, newer.answer);
    await expect(importAnswer(a.backend.store, older.answer)).rejects.toMatchObject({
      code: 'bundle-old',
      message: expect.stringContaining(`本机已导入序号 ${second.seq} 的应答包`),
    });

    // the answer on another street's PC, and an outbox bundle given to a PC
    const onC = tables(c);
    await expect(importAnswer(c.backend.store, newer.answer)).rejects.toMatchObject({
      code: 'bundle-other-street',
      message: expect.stringContaining(`应答包属于街道 ${STREET_A}`),
    });
    await expect(importAnswer(a.backend.store, second.bytes)).rejects.toMatchObject({ code: 'bundle-invalid' });
    await expect(importAnswer(a.backend.store, flipped(newer.answer, newer.answer.length - 1))).rejects.toMatchObject({ code: 'bundle-tampered' });
    expect(tables(c)).toEqual(onC);
  }, 120_000);

  test('an answer carries up to its limit; the network sync brings the rest', async () => {
    const a = await replica('a3');
    const b = await replica('b3');
    addCommunities(a, '限额A', 5);
    addCommunities(b, '限额B', 40);
    await b.sync();
    const imported = await importBundle(district.server.opened.db, (await exportBundle(a.backend.store)).bytes, new Date(), { answerLimit: 25 });
    expect(imported.answerChanges).toBe(25);
    expect(imported.more).toBe(true);
    // another PC of the same street cannot take A's answer
    await expect(importAnswer(b.backend.store, imported.answer)).rejects.toMatchObject({
      code: 'bundle-other-device',
      message: expect.stringContaining('应答包是写给另一台电脑的'),
    });
    const applied = await importAnswer(a.backend.store, imported.answer);
    expect(applied).toMatchObject({ acknowledged: 5, pulled: 25, more: true });
    expect(applied.message).toContain('服务器上还有更多修改');
    expect((await a.sync()).pulled).toBe(15);
    await b.sync();
    await expectConverged(district.server, [a, b]);
  }, 120_000);

  test('a bundle that reaches the district after the network came back: the answer carries the result only, nothing doubled', async () => {
    const a = await replica('a5');
    const b = await replica('b5');
    addCommunities(a, '先导出', 4);
    const exported = await exportBundle(a.backend.store);
    // the network returns before the stick reaches the district: A pushes, then writes and pushes more
    expect((await a.sync()).pushed).toBe(4);
    addCommunities(a, '联网后', 2);
    await a.sync();
    addCommunities(b, 'B的', 3);
    await b.sync();
    const changes = await serverChanges();
    const imported = await importBundle(district.server.opened.db, exported.bytes, new Date());
    expect(imported.result.accepted).toHaveLength(4);
    expect(imported).toMatchObject({ answerChanges: 0, more: true });
    expect(await serverChanges()).toBe(changes);
    const applied = await importAnswer(a.backend.store, imported.answer);
    expect(applied).toMatchObject({ acknowledged: 0, pulled: 0, more: true });
    expect((await a.sync()).pulled).toBe(3);
    await b.sync();
    await expectConverged(district.server, [a, b]);
  }, 120_000);

  test('a change the server refuses comes back in the answer and shows on the 同步 page, as after a push', async () => {
    const a = await replica('a4');
    const store = a.backend.store;
    const bad = store.insert('communities', { streetCode: STREET_A, name: '含空字符\u0000社区' }, actorOf(STREET_A), null);
    const imported = await importBundle(district.server.opened.db, (await exportBundle(store)).bytes, new Date());
    expect(imported.result.rejected.map((r) => r.code)).toEqual(['bad-text']);
    const applied = await importAnswer(store, imported.answer);
    expect(applied).toMatchObject({ acknowledged: 0, rejected: 1 });
    expect(openRejections(store)).toEqual([expect.objectContaining({ rowId: bad, code: 'bad-text', message: expect.stringContaining('无法保存的字符') })]);
    expect(outboxCount(store)).toBe(0);
  }, 120_000);
});
