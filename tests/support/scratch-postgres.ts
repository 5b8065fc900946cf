/**
 * A fresh database on a real PostgreSQL for one test server or bench run, made and dropped through
 * an admin connection (SYNC_TEST_DATABASE_URL in the sync tests, BENCH_DATABASE_URL in the benches).
 */
export interface ScratchDatabase {
  name: string;
  /** Connection URL of the new database. */
  url: string;
  /** Runs one statement over the admin connection (not inside the new database). */
  asAdmin(query: string): Promise<void>;
  /** Drops the database, closing whatever connections are left (a killed server's, say). */
  drop(): Promise<void>;
}

export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const { Client } = await import('pg');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const asAdmin = async (query: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), asAdmin, drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
