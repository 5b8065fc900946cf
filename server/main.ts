/**
 * District server entry and admin CLI: `npm run server -- <command>`.
 *   start (default)                 serve on 127.0.0.1:5790 (HOST / PORT to change)
 *   init                            create the database and Dongli's 11 streets
 *   create-streets [code…]          create streets (default: all of Dongli's)
 *   create-user --username u --name 姓名 --role street-admin (--street CODE | --district)
 *                                   password prompted without echo, or one line on stdin with --password-stdin
 *   disable-user <username> / enable-user <username>
 *   issue-code (--street CODE | --district)   one-time enrollment code for an office device
 *   list-devices / revoke-device <id>
 *   issue-intake-key --name 网格系统        key for POST /v1/clues (shown once, stored hashed)
 *   list-intake-keys / revoke-intake-key <id>
 *   import-bundle <file> [--answer <out>]  an office PC's 同步包 brought by USB; writes its answer
 * Storage: PGlite in DOUDI_SERVER_DATA_DIR (default ~/.doudi-desk/server-data), or PostgreSQL
 * when DATABASE_URL=postgres://… is set. The running server holds the database (admin/lock.ts);
 * a command run meanwhile is sent to it through its loopback admin endpoint (admin/endpoint.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openServerDb } from './db/open';
import { buildServer } from './app';
import { lockServerData } from './admin/lock';
import { adminSecretPath, sendAdminCommand, startAdminEndpoint } from './admin/endpoint';
import { ADMIN_COMMANDS, runAdminCommand, type AdminCommand } from './admin/run';
import { readNewPassword } from './admin/password-input';
import { AdminError } from './admin/errors';

const dataDir = process.env.DOUDI_SERVER_DATA_DIR || path.join(os.homedir(), '.doudi-desk', 'server-data');
const databaseUrl = process.env.DATABASE_URL || undefined;
const secretFile = adminSecretPath(dataDir);
const now = () => new Date();

async function serve(): Promise<void> {
  const lock = await lockServerData({ dataDir, databaseUrl });
  if (!lock.ok) throw new AdminError('server-running', `${lock.holder}：已有区级服务器在运行，不能再启动一个`);
  try {
    const opened = await openServerDb({ dataDir, databaseUrl });
    const app = buildServer({ db: opened, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
    await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 5790) });
    const endpoint = await startAdminEndpoint({ db: opened, secretFile, now });
    const stop = async () => {
      await endpoint.close();
      await app.close();
      await opened.close();
      await lock.release();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function runCommand(command: string, args: string[]): Promise<string[]> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      street: { type: 'string' },
      district: { type: 'boolean' },
      answer: { type: 'string' },
    },
  });
  if (!(ADMIN_COMMANDS as readonly string[]).includes(command)) throw new AdminError('unknown-command', `未知命令 ${command}：可用命令 start、${ADMIN_COMMANDS.join('、')}`);
  const cmd: AdminCommand = {
    command: command as AdminCommand['command'],
    args: command === 'import-bundle' ? [] : positionals,
    username: values.username,
    name: values.name,
    role: values.role,
    street: values.street,
    district: values.district,
  };
  // absolute: a running server, in another directory, reads and writes them
  if (command === 'import-bundle') {
    cmd.file = positionals[0] === undefined ? undefined : path.resolve(positionals[0]);
    cmd.answer = values.answer === undefined ? undefined : path.resolve(values.answer);
  }
  if (command === 'create-user') {
    cmd.password = await readNewPassword({ fromStdin: values['password-stdin'] === true, onCommandLine: values.password !== undefined });
  }
  const lock = await lockServerData({ dataDir, databaseUrl });
  // the server runs: it does the work on its own connection, so the effect is seen at once
  if (!lock.ok) return sendAdminCommand(secretFile, cmd, lock);
  try {
    const opened = await openServerDb({ dataDir, databaseUrl });
    try {
      return await runAdminCommand(opened, now(), cmd);
    } finally {
      await opened.close();
    }
  } finally {
    await lock.release();
  }
}

const [command = 'start', ...rest] = process.argv.slice(2).filter((a, i) => i > 0 || a !== '--');
try {
  if (command === 'start') await serve();
  else for (const line of await runCommand(command, rest)) console.log(line);
} catch (err) {
  console.error(err instanceof AdminError ? `${err.message}（${err.code}）` : (err as Error).message);
  process.exit(1);
}
