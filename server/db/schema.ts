/**
 * District server schema (PostgreSQL dialect; the same migrations run on embedded PGlite and on a
 * real PostgreSQL). sync_changes is the append-only log every replica pulls by sequence;
 * sync_rows is the merged current state (with per-field clocks) that new devices bootstrap from.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const syncChanges = pgTable(
  'sync_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    node: text('node').notNull(),
    hlc: text('hlc').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | null>>().notNull(),
    /** Device that pushed it; null for changes authored by the server (admin CLI). */
    deviceId: text('device_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('sync_changes_node_hlc_uq').on(t.node, t.hlc),
    index('sync_changes_partition_seq_idx').on(t.partition, t.seq),
    /** A device's own changes by clock: the check that a replica is not behind its own pushes. */
    index('sync_changes_device_hlc_idx').on(t.deviceId, t.hlc),
  ],
);

export const syncRows = pgTable(
  'sync_rows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | null>>().notNull(),
    clocks: jsonb('clocks').$type<Record<string, string>>().notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /**
     * The clock of every field when they all carry the same one (and only they have clocks),
     * else null: kept by the database (function sync_one_clock, migration row_clock), so that a
     * snapshot page sends one clock for such a row without working it out per page.
     */
    clock: text('clock').generatedAlwaysAs(sql`sync_one_clock(fields, clocks)`),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('sync_rows_partition_idx').on(t.partition, t.tableName, t.rowId)],
);

export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scopeKind: text('scope_kind', { enum: ['street', 'district'] }).notNull(),
  partition: text('partition').notNull(),
  node: text('node').notNull(),
  /** sha256 of the bearer token; the token itself is never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }),
  /**
   * 1, 2, … per partition in order of enrollment, never reused: office numbering that must be unique
   * across the street's PCs without a round trip (care-service card numbers) carries it.
   */
  deviceNo: integer('device_no'),
}, (t) => [uniqueIndex('devices_partition_no_uq').on(t.partition, t.deviceNo)]);

export const enrollmentCodes = pgTable('enrollment_codes', {
  /** sha256 of the normalised one-time code. */
  codeHash: text('code_hash').primaryKey(),
  scopeKind: text('scope_kind', { enum: ['street', 'district'] }).notNull(),
  partition: text('partition').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
  deviceId: text('device_id'),
});

export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Keys of the systems that post clues (网格系统, 市局…): only the sha256 of the key is stored. */
export const intakeKeys = pgTable('intake_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
});

/** Clues received, one per external id (the sender's reference): a repeated post writes nothing. */
export const intakeClues = pgTable('intake_clues', {
  externalId: text('external_id').primaryKey(),
  keyId: text('key_id').notNull(),
  streetCode: text('street_code').notNull(),
  itemId: text('item_id').notNull(),
  itemNo: text('item_no').notNull(),
  dueAt: text('due_at').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/**
 * Outbox bundles imported from office PCs by file (sync by USB, sync/bundle.ts): one row per device
 * and sequence, so a bundle is imported once and one older than the last is refused. `digest`:
 * sha256 of the file, to tell the same bundle again from another with a reused number; `result`:
 * the push's answer, written again into a repeated import's answer file.
 */
export const bundleImports = pgTable(
  'bundle_imports',
  {
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    digest: text('digest').notNull(),
    createdAt: text('created_at').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull(),
    result: jsonb('result').$type<{ accepted: string[]; rejected: { hlc: string; node: string; code: string; message: string; field?: string }[] }>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.seq] })],
);
