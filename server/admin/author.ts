/**
 * Changes authored by the district itself (admin CLI: streets, users): stamped by the server's own
 * hybrid logical clock (node 'district-server', persisted in server_meta) and stored through the
 * same log as pushed changes, so every replica in scope pulls them like any other.
 */
import { eq } from 'drizzle-orm';
import type { ServerDb } from '../db/open';
import { serverMeta, syncRows } from '../db/schema';
import { HybridClock } from '../../shared/hlc';
import { pushChanges } from '../sync/log';
import type { Change } from '../../shared/sync/wire';

export const SERVER_NODE = 'district-server';

async function getMeta(db: ServerDb, key: string): Promise<string | null> {
  const [r] = await db.select().from(serverMeta).where(eq(serverMeta.key, key));
  return r?.value ?? null;
}

async function setMeta(db: ServerDb, key: string, value: string): Promise<void> {
  await db.insert(serverMeta).values({ key, value }).onConflictDoUpdate({ target: serverMeta.key, set: { value } });
}

/** Writes one row patch as the district; throws if the server's own validation refuses it. */
export async function authorChange(
  db: ServerDb,
  now: Date,
  c: { table: string; rowId: string; partition: string; fields: Change['fields'] },
): Promise<void> {
  await authorChanges(db, now, [c]);
}

/** Writes row patches as the district in one transaction (all stored, or none and an error). */
export async function authorChanges(
  db: ServerDb,
  now: Date,
  cs: { table: string; rowId: string; partition: string; fields: Change['fields'] }[],
): Promise<void> {
  const clock = new HybridClock(SERVER_NODE, () => now.getTime(), (await getMeta(db, 'hlc')) ?? undefined);
  const changes = cs.map((c) => ({ ...c, hlc: clock.tick(), node: SERVER_NODE }));
  await setMeta(db, 'hlc', changes[changes.length - 1]?.hlc ?? clock.tick());
  const res = await pushChanges(db, { deviceId: null, node: null, scope: null }, changes, now);
  const r = res.rejected[0];
  if (r) throw new Error(`${r.code}: ${r.message}`);
}

export async function findRows(db: ServerDb, table: string) {
  return db.select().from(syncRows).where(eq(syncRows.tableName, table));
}
