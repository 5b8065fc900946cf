/** POST /v1/clues: intake keys, validation with Chinese per-field messages, idempotency, scope. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { openServerDb, type OpenedServerDb } from '../db/open';
import { buildServer } from '../app';
import * as admin from '../admin/commands';
import { authorChanges, findRows } from '../admin/author';
import { intakeClues, syncChanges } from '../db/schema';
import { issueIntakeKey, listIntakeKeys, revokeIntakeKey } from './keys';
import { makeIdNumber } from '../../shared/id-number';
import { uuidv7 } from '../../shared/uuid';

const STREET_A = '120110001000';
const STREET_B = '120110002000';
const ID_A = makeIdNumber('120110', '19500304', 11);
const ID_B = makeIdNumber('120110', '19620708', 12);

let opened: OpenedServerDb;
let app: FastifyInstance;
let key: string;
let householdA: string;

async function addHousehold(street: string, address: string, name: string, idNumber: string): Promise<string> {
  const now = new Date();
  const at = now.toISOString();
  const community = (await findRows(opened.db, 'communities')).find((c) => c.partition === street)!;
  const hid = uuidv7();
  const pid = uuidv7();
  await authorChanges(opened.db, now, [
    {
      table: 'households',
      rowId: hid,
      partition: street,
      fields: { id: hid, created_at: at, updated_at: at, deleted_at: null, street_code: street, community_id: community.rowId, address, hukou_type: 'urban' },
    },
    {
      table: 'persons',
      rowId: pid,
      partition: street,
      fields: {
        id: pid, created_at: at, updated_at: at, deleted_at: null, street_code: street, household_id: hid, relation: '02', name,
        name_pinyin: 'x', name_initials: 'x', id_number: idNumber, sex: 'male', birth_date: '1950-03-04',
      },
    },
  ]);
  return hid;
}

const clue = (over: Record<string, unknown> = {}) => ({
  externalId: 'SJ-2026-0001',
  streetCode: STREET_A,
  idNumber: ID_A,
  category: 'living',
  description: '市局反馈：老人独居，近期未见家属照料',
  source: '市局反馈线索',
  dueAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
  ...over,
});

function post(body: unknown, k: string | null = key) {
  return app.inject({ method: 'POST', url: '/v1/clues', payload: body as object, headers: k ? { authorization: `Bearer ${k}` } : {} });
}

async function counts() {
  const [c] = await opened.db.select({ n: count() }).from(syncChanges);
  const [i] = await opened.db.select({ n: count() }).from(intakeClues);
  return { changes: c!.n, clues: i!.n };
}

beforeAll(async () => {
  opened = await openServerDb({});
  await admin.createStreets(opened.db, new Date(), [STREET_A, STREET_B]);
  householdA = await addHousehold(STREET_A, '东丽区示例路1号', '张三', ID_A);
  await addHousehold(STREET_B, '东丽区示例路2号', '李四', ID_B);
  key = (await issueIntakeKey(opened.db, '网格系统', new Date())).key;
  app = buildServer({ db: opened });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await opened?.close();
});

describe('POST /v1/clues', () => {
  test('a valid clue becomes a 立即核查 ledger item with its deadline in the street partition', async () => {
    const body = clue();
    const res = await post(body);
    expect(res.statusCode).toBe(200);
    const r = res.json().results[0];
    expect(r).toMatchObject({ externalId: 'SJ-2026-0001', streetCode: STREET_A, created: true, dueAt: new Date(body.dueAt).toISOString() });
    expect(r.itemNo).toMatch(/^XS-\d{8}-001$/);
    const item = (await findRows(opened.db, 'ledger_items')).find((x) => x.rowId === r.itemId)!;
    expect(item.partition).toBe(STREET_A);
    expect(item.fields).toMatchObject({ source: 'bureau-clue', immediate: 1, status: 'pending', household_id: householdA, due_at: r.dueAt });
    expect(String(item.fields.verify_due_at) <= r.dueAt).toBe(true);
    const ev = (await findRows(opened.db, 'ledger_events')).find((e) => e.fields.item_id === r.itemId)!;
    expect(ev.fields.note).toMatch(/市局反馈线索（网格系统，编号 SJ-2026-0001）/);
  });

  test('the same external id twice creates one clue', async () => {
    const before = await counts();
    const res = await post(clue());
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  test('a batch by name and address, with the default deadline from policy; grid reports are not 立即核查', async () => {
    const res = await post({
      clues: [
        clue({ externalId: 'WG-1', idNumber: undefined, name: '张三', address: '东丽区示例路1号', source: 'grid', dueAt: undefined, urgency: '1' }),
        clue({ externalId: 'QJ-1', source: '区局反馈线索', dueAt: null }),
      ],
    });
    expect(res.statusCode).toBe(200);
    const [grid, district] = res.json().results;
    const items = await findRows(opened.db, 'ledger_items');
    const g = items.find((x) => x.rowId === grid.itemId)!;
    expect(g.fields).toMatchObject({ source: 'grid-report', immediate: 0, urgency: '1' });
    // 一级: 24 hours (the published default; the street has set none on the server)
    expect(Date.parse(grid.dueAt) - Date.parse(String(g.fields.registered_at))).toBe(24 * 3600_000);
    expect(items.find((x) => x.rowId === district.itemId)!.fields).toMatchObject({ source: 'bureau-clue', immediate: 1 });
  });

  test('invalid fields are refused with Chinese messages naming each field; nothing is written', async () => {
    const before = await counts();
    const res = await post([
      clue({ externalId: 'BAD-1', idNumber: '120110195003041234', category: 'nope', description: '' }),
      clue({ externalId: 'BAD-2', idNumber: undefined, source: '邮件', dueAt: '明天' }),
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('bad-payload');
    expect(body.message).toMatch(/未接收任何线索/);
    const byPath = Object.fromEntries(body.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath['clues.0.idNumber']).toMatch(/身份证号码/);
    expect(byPath['clues.0.category']).toBe('问题类别的取值无效');
    expect(byPath['clues.0.description']).toBe('问题描述不能为空');
    expect(byPath['clues.1.source']).toMatch(/线索来源应为 市局反馈线索、区局反馈线索、网格上报/);
    expect(byPath['clues.1.dueAt']).toMatch(/处置时限/);
    expect(byPath['clues.1.idNumber']).toBe('请提供身份证号码，或同时提供姓名和住址');
    expect(await counts()).toEqual(before);
    const notClue = await app.inject({
      method: 'POST',
      url: '/v1/clues',
      payload: '"hello"',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
    expect(notClue.statusCode).toBe(400);
    expect(notClue.json().details[0].message).toMatch(/请求内容应为线索/);
  });

  test('a past deadline, a duplicate id in one batch, a name contradicting the ID number: nothing is written', async () => {
    const before = await counts();
    const res = await post([clue({ externalId: 'OK-1' }), clue({ externalId: 'X-2', name: '王五' })]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'person-not-found', details: [{ path: 'clues.1.name', message: '姓名与身份证号码登记的人员不一致' }] });
    const past = await post(clue({ externalId: 'X-3', dueAt: new Date(Date.now() - 1000).toISOString() }));
    expect(past.statusCode).toBe(422);
    expect(past.json().details[0]).toEqual({ path: 'dueAt', message: '处置时限不能早于当前时间' });
    const dup = await post([clue({ externalId: 'D' }), clue({ externalId: 'D' })]);
    expect(dup.json().details[0]).toEqual({ path: 'clues.1.externalId', message: '同一请求中线索编号重复' });
    expect(await counts()).toEqual(before);
    expect((await opened.db.select().from(intakeClues).where(eq(intakeClues.externalId, 'OK-1'))).length).toBe(0);
  });

  test('a clue naming someone not in the street registry waits there as a 待登记线索 with what it gave', async () => {
    const before = await counts();
    const ID_NEW = makeIdNumber('120110', '19580911', 21);
    const community = (await findRows(opened.db, 'communities')).find((c) => c.partition === STREET_A)!;
    const res = await post({
      clues: [
        // registered in street B only: in street A it is unknown
        clue({ externalId: 'NEW-1', idNumber: ID_B, name: '李四', phone: '13800001111', source: 'grid', dueAt: undefined, urgency: '1' }),
        clue({
          externalId: 'NEW-2', idNumber: ID_NEW, name: '赵六', address: '东丽区新立路9号', community: String(community.fields.name),
          description: '网格员走访发现：独居老人，无收入来源',
        }),
        clue({ externalId: 'NEW-3', idNumber: undefined, name: '孙七', address: '东丽区无名路1号', dueAt: undefined }),
      ],
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { pendingRegistration: boolean }) => r.pendingRegistration)).toEqual([true, true, true]);
    const inbox = await findRows(opened.db, 'ledger_clue_inbox');
    const one = inbox.find((x) => x.rowId === results[0].clueId)!;
    expect(one.partition).toBe(STREET_A);
    expect(one.fields).toMatchObject({
      street_code: STREET_A, status: 'pending', external_id: 'NEW-1', source: 'grid', sender: '网格系统', name: '李四', id_number: ID_B,
      phone: '13800001111', urgency: '1', item_no: results[0].itemNo, due_at: null, item_id: null,
    });
    // 一级 from receipt (published default: 24 hours); the item's id is reserved, no item yet
    expect(Date.parse(results[0].dueAt) - Date.parse(String(one.fields.received_at))).toBe(24 * 3600_000);
    expect((await findRows(opened.db, 'ledger_items')).some((x) => x.rowId === results[0].itemId)).toBe(false);
    const two = inbox.find((x) => x.rowId === results[1].clueId)!;
    expect(two.fields).toMatchObject({ name: '赵六', id_number: ID_NEW, address: '东丽区新立路9号', community_id: community.rowId, due_at: results[1].dueAt });
    expect(inbox.find((x) => x.rowId === results[2].clueId)!.fields).toMatchObject({ name: '孙七', id_number: null, address: '东丽区无名路1号' });
    const after = await counts();
    expect(after.clues - before.clues).toBe(3);
    // posted again: the same 待登记线索, nothing new
    const again = await post(clue({ externalId: 'NEW-2', idNumber: ID_NEW, name: '赵六', address: '东丽区新立路9号' }));
    expect(again.json().results[0]).toMatchObject({ created: false, pendingRegistration: true, clueId: results[1].clueId, itemId: results[1].itemId });
    expect(await counts()).toEqual(after);
  });

  test("an unregistered person's clue still invalid (street, description, ID checksum) is refused naming the field; nothing written", async () => {
    const before = await counts();
    const badId = await post(clue({ externalId: 'U-1', idNumber: '120110195809112299', name: '赵六' }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details).toEqual([{ path: 'idNumber', message: expect.stringMatching(/身份证号码.*校验/) }]);
    const noText = await post(clue({ externalId: 'U-2', idNumber: undefined, name: '孙八', address: '东丽区某路2号', description: '  ' }));
    expect(noText.statusCode).toBe(400);
    expect(noText.json().details).toEqual([{ path: 'description', message: '问题描述不能为空' }]);
    const noStreet = await post(clue({ externalId: 'U-3', idNumber: undefined, name: '孙八', address: '东丽区某路2号', streetCode: '120110003000' }));
    expect(noStreet.statusCode).toBe(422);
    expect(noStreet.json().details).toEqual([{ path: 'streetCode', message: '该街道尚未在区级服务器建立，不能接收线索' }]);
    const badPhone = await post(clue({ externalId: 'U-4', idNumber: undefined, name: '孙八', address: '东丽区某路2号', phone: 'x'.repeat(31) }));
    expect(badPhone.json().details).toEqual([{ path: 'phone', message: '联系电话不能超过30个字' }]);
    expect(await counts()).toEqual(before);
  });

  test('an unknown street: not a Dongli street, or one not created on the server', async () => {
    const notDongli = await post(clue({ externalId: 'S-1', streetCode: '110101001000' }));
    expect(notDongli.statusCode).toBe(400);
    expect(notDongli.json().details).toEqual([{ path: 'streetCode', message: '街道代码不是东丽区的街道' }]);
    const notCreated = await post(clue({ externalId: 'S-2', streetCode: '120110003000' }));
    expect(notCreated.statusCode).toBe(422);
    expect(notCreated.json()).toMatchObject({ code: 'unknown-street', details: [{ path: 'streetCode', message: '该街道尚未在区级服务器建立，不能接收线索' }] });
  });

  test('a missing, wrong or revoked key is refused; the key is stored only hashed', async () => {
    const before = await counts();
    expect((await post(clue({ externalId: 'K-1' }), null)).json()).toMatchObject({ code: 'intake-key-missing' });
    const wrong = await post(clue({ externalId: 'K-1' }), 'ddk_wrong');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'intake-key-invalid', message: expect.stringMatching(/密钥无效/) });
    const k2 = await issueIntakeKey(opened.db, '市局系统', new Date());
    expect(await revokeIntakeKey(opened.db, k2.id, new Date())).toBe(true);
    const revoked = await post(clue({ externalId: 'K-1' }), k2.key);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ code: 'intake-key-revoked' });
    expect(await counts()).toEqual(before);
    const keys = await listIntakeKeys(opened.db);
    expect(keys.map((k) => [k.name, k.revokedAt !== null])).toEqual([
      ['网格系统', false],
      ['市局系统', true],
    ]);
    expect(JSON.stringify(keys)).not.toContain(key);
    // a device token is not an intake key
    expect((await post(clue({ externalId: 'K-1' }), 'some-device-token')).statusCode).toBe(401);
  });
});
