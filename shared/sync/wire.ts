/**
 * The sync wire format between office replicas and the district server (DESIGN.md, sync protocol).
 * A change is a row patch: table, row id, partition, column -> value (SQLite driver values: text,
 * integer, null; JSON columns travel as their JSON text), stamped with a hybrid logical clock
 * whose node part names the origin replica. Push is idempotent by (node, hlc); pull is by the
 * server's sequence cursor; a snapshot pages through the current merged state with per-field clocks.
 */
import { z } from 'zod';
import { SYNC_REASON_CODES } from './rejections';

export const HLC_RE = /^\d{15}-[0-9a-f]{4}-[0-9a-zA-Z_-]{1,64}$/;
export const DISTRICT_PARTITION = 'district';
/** Maximum changes in one push, rows in one pull/snapshot page. */
export const MAX_BATCH = 1000;
/** A change whose clock is more than this ahead of the server's time is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

const ident = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
export const zHlc = z.string().regex(HLC_RE);
/** A column value as stored by SQLite. */
export const zValue = z.union([z.string(), z.number(), z.null()]);
export const zPartition = z.string().regex(/^(district|\d{9}(\d{3})?)$/);

export const ChangeSchema = z.strictObject({
  hlc: zHlc,
  node: z.string().min(1).max(64),
  table: ident,
  rowId: z.string().min(1).max(64),
  partition: zPartition,
  fields: z.record(ident, zValue),
});
export type Change = z.infer<typeof ChangeSchema>;

/**
 * What a replica says of itself when it enrolls and pushes: a demo database, and its street (null
 * on an empty PC). Absent from office PCs older than it.
 */
export const ReplicaSchema = z.strictObject({
  demo: z.boolean(),
  streetCode: zPartition.nullable(),
});
export type Replica = z.infer<typeof ReplicaSchema>;

export const PushRequestSchema = z.strictObject({
  changes: z.array(ChangeSchema).max(MAX_BATCH),
  replica: ReplicaSchema.optional(),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const RejectionSchema = z.strictObject({
  hlc: zHlc,
  node: z.string(),
  code: z.enum(SYNC_REASON_CODES),
  message: z.string(),
  field: z.string().optional(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const PushResponseSchema = z.strictObject({
  /** HLCs stored now or earlier (a repeated push is acknowledged again, not stored twice). */
  accepted: z.array(zHlc),
  rejected: z.array(RejectionSchema),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** A replica's node id: the node part of its HLC stamps. */
export const NODE_RE = /^[0-9a-zA-Z_-]{1,64}$/;

/**
 * What a replica knows of its own pushes, sent with push and pull as query parameters (ignored by
 * servers older than it, so they stay compatible): its node id, and the highest HLC of its own
 * changes it knows the server accepted (`none` before its first). A server holding changes of the
 * device beyond `known` that the request does not carry, or knowing the device by another node,
 * refuses with `replica-behind`: the replica was restored from an older copy of its data.
 */
export const OwnCheckQuerySchema = z.object({
  known: z
    .string({ error: '参数 known 必须是文字' })
    .refine((v) => v === 'none' || HLC_RE.test(v), { error: '参数 known 格式无效：应为本机已上传修改的最大时钟戳，或 none' })
    .optional(),
  node: z.string({ error: '参数 node 必须是文字' }).regex(NODE_RE, { error: '参数 node 格式无效：应为 1 至 64 位字母、数字、下划线或连字符' }).optional(),
});
export type OwnCheck = { known: string; node: string };

export const PushQuerySchema = OwnCheckQuerySchema;

export const PullQuerySchema = OwnCheckQuerySchema.extend({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_BATCH).default(500),
  /** `1`: only the device's own changes (a restored replica fetching back what it pushed after its copy). */
  own: z.enum(['0', '1'], { error: '参数 own 只能为 1 或 0' }).optional(),
});

/** A signed-in user's password, checked by the server once for a ticket (server/sync/admin-ticket.ts). */
export const TicketRequestSchema = z.strictObject({
  username: z.string({ error: '用户名 username 必须是文字' }).min(1).max(64),
  password: z.string({ error: '密码 password 必须是文字' }).min(1).max(256),
});
export type TicketRequest = z.infer<typeof TicketRequestSchema>;
export const TicketResponseSchema = z.object({ ticket: z.string(), expiresAt: z.string(), serverTime: z.string() });
export type TicketResponse = z.infer<typeof TicketResponseSchema>;

/** A replica restored from an older copy takes a fresh node id, so its new stamps never repeat old ones. */
export const NodeRenewalRequestSchema = z.strictObject({
  node: z.string({ error: '节点编号 node 必须是文字' }).regex(NODE_RE, { error: '节点编号 node 格式无效：应为 1 至 64 位字母、数字、下划线或连字符' }),
});
export type NodeRenewalRequest = z.infer<typeof NodeRenewalRequestSchema>;

// Not strict: a newer server may add fields.
export const NodeRenewalResponseSchema = z.object({ node: z.string(), serverTime: z.string() });
export type NodeRenewalResponse = z.infer<typeof NodeRenewalResponseSchema>;

export const PulledChangeSchema = ChangeSchema.extend({ seq: z.number().int() });
export type PulledChange = z.infer<typeof PulledChangeSchema>;

export const PullResponseSchema = z.strictObject({
  changes: z.array(PulledChangeSchema),
  /** Cursor to pass as `after` next time (the last sequence scanned, even if filtered out). */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const SnapshotQuerySchema = z.object({
  /** Keyset position "table/rowId" of the last row of the previous page. */
  after: z.string().max(200).optional(),
  /** The pull cursor fixed by the first page; repeat it on later pages. */
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_BATCH).default(500),
  /**
   * 'row': the client reads rows whose fields all carry one clock as `clock` (SnapshotPageRow).
   * An HLC per field was three fifths of a snapshot's bytes, and most rows were written at once.
   * Absent (older clients): `clocks` on every row.
   */
  clocks: z.enum(['field', 'row']).default('field'),
});

/** A row's merged state on the server, with the clock of each field. */
export const SnapshotRowSchema = z.strictObject({
  table: ident,
  rowId: z.string(),
  partition: zPartition,
  fields: z.record(ident, zValue),
  /** Field -> HLC of the stored value. */
  clocks: z.record(ident, zHlc),
});
export type SnapshotRow = z.infer<typeof SnapshotRowSchema>;

/** A row of a snapshot page: every field under one `clock`, or a clock per field. */
export const SnapshotPageRowSchema = z.union([
  SnapshotRowSchema,
  z.strictObject({
    table: ident,
    rowId: z.string(),
    partition: zPartition,
    fields: z.record(ident, zValue),
    /** The HLC of every field of the row. */
    clock: zHlc,
  }),
]);
export type SnapshotPageRow = z.infer<typeof SnapshotPageRowSchema>;

export const SnapshotResponseSchema = z.strictObject({
  rows: z.array(SnapshotPageRowSchema),
  /** Position to pass as `after` for the next page; null when done. */
  next: z.string().nullable(),
  /** Pull cursor to continue from once the snapshot is applied. */
  cursor: z.number().int(),
  serverTime: z.string(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponseSchema>;

export const RowQuerySchema = z.object({ table: ident, rowId: z.string().min(1).max(64) });

/** One row's current merged state on the server (null when the server has no such row in scope). */
export const RowResponseSchema = z.strictObject({
  row: SnapshotRowSchema.nullable(),
  serverTime: z.string(),
});
export type RowResponse = z.infer<typeof RowResponseSchema>;

export const EnrollRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(64),
  deviceName: z.string().trim().min(1).max(60),
  /** The replica's node id, so the server knows which device authored which changes. */
  node: z.string().min(1).max(64),
  replica: ReplicaSchema.optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const ScopeSchema = z.strictObject({
  kind: z.enum(['street', 'district']),
  /** The street code, or 'district'. */
  partition: zPartition,
});
export type Scope = z.infer<typeof ScopeSchema>;

// Not strict: a newer server may add fields an older office PC ignores.
export const EnrollResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string(),
  scope: ScopeSchema,
  /** The device's number within its partition; absent from servers older than it. */
  deviceNo: z.number().int().min(1).max(9999).nullish(),
  serverTime: z.string(),
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

export const TimeResponseSchema = z.strictObject({ serverTime: z.string() });

export const ErrorResponseSchema = z.strictObject({
  code: z.enum(SYNC_REASON_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Partitions a device of this scope may read: its street and district-wide rows, or everything. */
export function readablePartition(scope: Scope, partition: string): boolean {
  return scope.kind === 'district' || partition === scope.partition || partition === DISTRICT_PARTITION;
}

/** Partitions a device of this scope may write: its own street, or any for the district. */
export function writablePartition(scope: Scope, partition: string): boolean {
  return scope.kind === 'district' || partition === scope.partition;
}

/**
 * Whether two changes carry the same fields and values, whatever the order of their keys (the
 * server keeps fields as jsonb, which orders keys its own way): the test of "the same change"
 * under one stamp, on the server (a repeated push) and on a PC (its own change fetched back).
 */
export function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const text = (f: Record<string, unknown>) => JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k]]));
  return text(a) === text(b);
}
