/**
 * One process at a time owns the server's database: the running server, or an admin command run
 * while no server runs. Two PGlite processes on one directory each keep their own copy of the data
 * in memory and overwrite each other's writes (a revocation "done" by the CLI was lost), so:
 *  - PGlite: a lock file created with O_EXCL holding the owner's pid; a lock whose pid has ended is
 *    stale and taken over;
 *  - PostgreSQL (DATABASE_URL): a session-level advisory lock held on a connection of its own.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'server.lock';
/** Advisory lock key of the district server's database (any constant; hashed by PostgreSQL). */
const PG_LOCK_KEY = 'doudi-district-server';

/** `pid`: the holder's process, when known (PGlite's lock file; PostgreSQL does not say). */
export type LockResult = { ok: true; release(): Promise<void> } | { ok: false; holder: string; pid?: number };

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockDir(dataDir: string): LockResult {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      const mine = `${process.pid}\n`;
      return {
        ok: true,
        release: async () => {
          // only our own lock: never one a later owner took over
          if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === mine) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let pid = 0;
    try {
      pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return { ok: false, holder: `数据目录 ${dataDir} 正在被进程 ${pid} 使用`, pid };
    fs.rmSync(file, { force: true }); // left by a process that has ended
  }
  return { ok: false, holder: `数据目录 ${dataDir} 的锁文件 ${LOCK_FILE} 无法获取` };
}

async function lockDatabase(databaseUrl: string): Promise<LockResult> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a lost connection ends the lock; the server's pool reports it
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [PG_LOCK_KEY]);
  if (!rows[0]?.ok) {
    await client.end();
    return { ok: false, holder: '数据库正在被另一个区级服务器进程或管理命令使用' };
  }
  return { ok: true, release: () => client.end() };
}

/** Takes the database for this process, or says who holds it. */
export function lockServerData(o: { dataDir: string; databaseUrl?: string }): Promise<LockResult> {
  return o.databaseUrl ? lockDatabase(o.databaseUrl) : Promise.resolve(lockDir(o.dataDir));
}
