/** Issue 13 item 10: no English zod text in the server's refusals, whatever part of a request is wrong. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openServerDb, type OpenedServerDb } from './db/open';
import { buildServer } from './app';

let opened: OpenedServerDb;
let app: FastifyInstance;
beforeAll(async () => {
  opened = await openServerDb({});
  app = buildServer({ db: opened });
});
afterAll(async () => {
  await app.close();
  await opened.close();
});

test.each([
  ['a wrong type and an unknown key', { code: 5, deviceName: [], extra: 1 }],
  ['an array', [1, 2]],
  ['nothing', null],
])('an enrollment with %s is refused in Chinese, details included', async (_what, body) => {
  const res = await app.inject({ method: 'POST', url: '/v1/enroll', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  expect(res.statusCode).toBe(400);
  const json = res.json() as { code: string; message: string; details?: { path: string; message: string }[] };
  expect(json.code).toBe('bad-payload');
  for (const m of [json.message, ...(json.details ?? []).map((d) => d.message)]) {
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    expect(m).not.toMatch(/Invalid|expected|Too (big|small)|Unrecognized/i);
  }
});
