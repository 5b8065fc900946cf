/**
 * Opens the server database: a real PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite
 * in a data directory (so a fresh machine needs nothing installed). Same schema and migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenedServerDb {
  db: ServerDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export function serverMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openServerDb(opts: {
  dataDir?: string;
  databaseUrl?: string;
  /** A PostgreSQL connection lost (the database restarted, the network cut); stderr by default. */
  onConnectionError?: (err: Error) => void;
}): Promise<OpenedServerDb> {
  const migrationsFolder = serverMigrationsFolder();
  if (opts.databaseUrl) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 });
    // A lost connection must not take the server down (an 'error' event without a listener
    // throws): the query in progress fails, the pool drops the client, the next query reconnects.
    // Idle clients report through the pool, checked-out ones (mid-transaction) through their own.
    const lost = opts.onConnectionError ?? ((err: Error) => console.error(`[db] connection lost: ${err.message}`));
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as ServerDb, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const client = new PGlite(opts.dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as ServerDb, kind: 'pglite', close: () => client.close() };
}
