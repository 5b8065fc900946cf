/**
 * The district server's HTTP API (Fastify, pino logs): health, time, enroll, push, pull, snapshot, row,
 * and clue intake (POST /v1/clues, authenticated by an intake key, not a device token).
 * Errors answer `{ code, message }` with a stable kebab-case code and a Chinese message.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OpenedServerDb } from './db/open';
import { registerCompression } from './http/compression';
import { advertiseKeepAlive, KEEP_ALIVE_MS, keepIdleConnections } from './http/keep-alive';
import { authenticate, enroll, renewNode, type Device } from './sync/devices';
import { authenticateIntake, IntakeRefusal } from './intake/keys';
import { receiveClues } from './intake/clues';
import { parseClueRequest, type ClueIntakeResponse } from '../shared/ledger/intake';
import { describeZodError } from '../shared/api/zh';
import { pullChanges, rowOf } from './sync/log';
import { receivePush } from './sync/push';
import { snapshotPageJson } from './sync/snapshot';
import { refuseDemoReplica } from './sync/replica';
import { issueTicket, TICKET_HEADER } from './sync/admin-ticket';
import { SYNC_REASONS, SYNC_REASONS_HEADER, SyncRefusal, type SyncReason } from '../shared/sync/rejections';
import {
  EnrollRequestSchema,
  NodeRenewalRequestSchema,
  PullQuerySchema,
  PushQuerySchema,
  PushRequestSchema,
  RowQuerySchema,
  SnapshotQuerySchema,
  TicketRequestSchema,
} from '../shared/sync/wire';

export interface ServerOptions {
  db: OpenedServerDb;
  now?: () => Date;
  /** Maximum request body after decompression, bytes. */
  bodyLimit?: number;
  /** pino options; `stream` receives the log lines (tests read them). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

function refusal(code: SyncReason, details?: unknown) {
  return { code, message: SYNC_REASONS[code].message, ...(details === undefined ? {} : { details }) };
}

/** Validates a request part; `named`: the message names the field (the schema's Chinese message). */
function parse<T extends z.ZodType>(schema: T, value: unknown, named = false): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const base = SYNC_REASONS['bad-payload'].message;
    // Chinese messages naming the field (zod's own English texts never reach the caller).
    const issues = describeZodError(r.error);
    const first = issues[0]?.message;
    const message = named && first ? `${base}：${first}` : base;
    const err = new SyncRefusal('bad-payload', message, 400) as SyncRefusal & { details: unknown };
    err.details = issues.slice(0, 5).map((i) => ({ path: i.field, message: i.message }));
    throw err;
  }
  return r.data;
}

/** What a log line may say of an unexpected error: its class and code, not its message. */
function errorName(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.cause?.code === 'string' ? e.cause.code : typeof e.code === 'string' ? e.code : '';
  return `${String(e.name ?? 'Error')}${code ? ` ${code}` : ''}`;
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

export function buildServer(opts: ServerOptions): FastifyInstance {
  const now = opts.now ?? (() => new Date());
  const { db } = opts.db;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT, keepAliveTimeout: KEEP_ALIVE_MS });
  keepIdleConnections(app.server);
  app.addHook('onSend', async (_req, reply, payload) => {
    advertiseKeepAlive(reply.raw);
    return payload;
  });
  registerCompression(app);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof IntakeRefusal) {
      req.log.info({ code: err.code }, 'clue intake refused');
      return reply.status(err.status).send({ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    }
    if (err instanceof SyncRefusal) {
      const details = (err as SyncRefusal & { details?: unknown }).details;
      req.log.info({ code: err.code }, 'sync request refused');
      return reply.status(err.status ?? 400).send({ code: err.code, message: err.message, ...(details ? { details } : {}) });
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(refusal('payload-too-large'));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return reply.status(e.statusCode).send(refusal('bad-payload'));
    // Never the error itself: a database error carries the failed query's parameters (a row's fields).
    req.log.error({ error: errorName(err) }, 'request failed');
    return reply.status(500).send(refusal('server-error'));
  });

  const device = (req: FastifyRequest): Promise<Device> => authenticate(db, bearer(req), now());

  app.get('/health', async () => ({ ok: true, db: opts.db.kind, serverTime: now().toISOString() }));
  app.get('/v1/time', async () => ({ serverTime: now().toISOString() }));

  app.post('/v1/enroll', async (req) => {
    const input = parse(EnrollRequestSchema, req.body);
    refuseDemoReplica(input.replica);
    const { device: d, token } = await enroll(db, input, now());
    req.log.info({ deviceId: d.id, scope: d.scope }, 'device enrolled');
    return { deviceId: d.id, token, scope: d.scope, deviceNo: d.deviceNo, serverTime: now().toISOString() };
  });

  app.post('/v1/push', async (req) => {
    const d = await device(req);
    const check = parse(PushQuerySchema, req.query, true);
    const body = parse(PushRequestSchema, req.body);
    const ticket = req.headers[TICKET_HEADER];
    return receivePush(db, d, { ...body, check, ticket: typeof ticket === 'string' ? ticket : undefined, knowsNew: req.headers[SYNC_REASONS_HEADER] === '2' }, now(), {
      storeFailed: (f) => req.log.error({ deviceId: d.id, ...f }, 'change not stored'),
      pushed: (accepted, rejected) => req.log.info({ deviceId: d.id, accepted, rejected }, 'push'),
    });
  });

  // A signed-in user's authority for the device's pushes of users rows (sync/admin-ticket.ts).
  app.post('/v1/ticket', async (req) => {
    const d = await device(req);
    const body = parse(TicketRequestSchema, req.body, true);
    const res = await issueTicket(db, d, body, now());
    req.log.info({ deviceId: d.id }, 'ticket issued');
    return { ...res, serverTime: now().toISOString() };
  });

  app.get('/v1/pull', async (req) => {
    const d = await device(req);
    const q = parse(PullQuerySchema, req.query, true);
    return pullChanges(db, d, q.after, q.limit, now(), { own: q.own === '1', check: { known: q.known, node: q.node } });
  });

  app.post('/v1/node', async (req) => {
    const d = await device(req);
    const body = parse(NodeRenewalRequestSchema, req.body, true);
    const renewed = await renewNode(db, d, body.node);
    req.log.info({ deviceId: d.id, from: d.node, to: renewed.node }, 'device node renewed');
    return { node: renewed.node, serverTime: now().toISOString() };
  });

  app.get('/v1/snapshot', async (req, reply) => {
    const d = await device(req);
    const q = parse(SnapshotQuerySchema, req.query);
    // Built as JSON text by the database (sync/snapshot.ts): sent as it is.
    const body = await snapshotPageJson(db, d, q, now());
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get('/v1/row', async (req) => {
    const d = await device(req);
    const q = parse(RowQuerySchema, req.query);
    return rowOf(db, d, q.table, q.rowId, now());
  });

  // Clue posts are handled one at a time, so that a repeated external id sent twice at once is
  // still written once.
  let intakeQueue: Promise<unknown> = Promise.resolve();
  app.post('/v1/clues', async (req) => {
    const key = await authenticateIntake(db, bearer(req), now());
    const parsed = parseClueRequest(req.body);
    if (!parsed.ok) throw new IntakeRefusal('bad-payload', `${parsed.issues[0]!.message}；未接收任何线索`, 400, parsed.issues);
    const run = intakeQueue.then(() => receiveClues(db, key, parsed.clues, now()));
    intakeQueue = run.catch(() => undefined);
    const results = await run;
    req.log.info({ key: key.name, received: results.filter((r) => r.created).length, repeated: results.filter((r) => !r.created).length }, 'clues');
    const body: ClueIntakeResponse = { results, serverTime: now().toISOString() };
    return body;
  });

  return app;
}
