/**
 * The running server's admin endpoint, for the admin CLI: its own listener on 127.0.0.1 (an
 * ephemeral port, never the public one), authenticated by a random secret that the server writes at
 * start, with its address, to a file only the server's user can read (0600). The CLI, run by that
 * user on that machine, reads the file and sends its command; the server runs it on its own
 * database connection, so the effect is visible to the next request at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenedServerDb } from '../db/open';
import { AdminError } from './errors';
import { alive } from './lock';
import { AdminCommandSchema, runAdminCommand, type AdminCommand } from './run';

export const ADMIN_SECRET_FILE = 'admin-secret.json';

/** Where the secret lives: DOUDI_ADMIN_SECRET_FILE, else in the server's data directory. */
export function adminSecretPath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.DOUDI_ADMIN_SECRET_FILE || path.join(dataDir, ADMIN_SECRET_FILE);
}

interface SecretFile {
  url: string;
  secret: string;
  pid: number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export interface AdminEndpoint {
  url: string;
  close(): Promise<void>;
}

export async function startAdminEndpoint(o: { db: OpenedServerDb; secretFile: string; now: () => Date }): Promise<AdminEndpoint> {
  const secret = randomBytes(32).toString('base64url');
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.post('/admin/command', async (req, reply) => {
    const remote = req.socket.remoteAddress ?? '';
    const given = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : '';
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote) || !timingSafeEqual(digest(given), digest(secret))) {
      return reply.status(403).send({ code: 'admin-secret-invalid', message: '管理密钥无效：请以运行服务器的用户在服务器本机执行管理命令' });
    }
    const parsed = AdminCommandSchema.safeParse(req.body);
    if (!parsed.success) return reply.status(400).send({ code: 'bad-command', message: `管理命令格式不正确：${parsed.error.issues[0]?.path.join('.')}` });
    try {
      return { lines: await runAdminCommand(o.db, o.now(), parsed.data) };
    } catch (err) {
      if (err instanceof AdminError) return reply.status(400).send({ code: err.code, message: err.message });
      req.log.error({ err }, 'admin command failed');
      return reply.status(500).send({ code: 'admin-failed', message: `服务器执行管理命令出错：${(err as Error).message}` });
    }
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  // a fresh file each start: never reuse one another user could have made readable
  fs.mkdirSync(path.dirname(o.secretFile), { recursive: true, mode: 0o700 });
  fs.rmSync(o.secretFile, { force: true });
  const content: SecretFile = { url, secret, pid: process.pid };
  fs.writeFileSync(o.secretFile, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
  return {
    url,
    close: async () => {
      await app.close();
      try {
        const kept = JSON.parse(fs.readFileSync(o.secretFile, 'utf8')) as SecretFile;
        if (kept.secret === secret) fs.rmSync(o.secretFile, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** Sends a command to the running server; refuses in Chinese when the secret or the server cannot be reached. */
export async function sendAdminCommand(secretFile: string, command: AdminCommand, held: { holder: string; pid?: number }): Promise<string[]> {
  const { holder } = held;
  let file: SecretFile;
  try {
    file = JSON.parse(fs.readFileSync(secretFile, 'utf8')) as SecretFile;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'EACCES' ? '没有读取权限（只有运行服务器的用户可读）' : '不存在或已损坏';
    throw new AdminError(
      'server-running',
      `${holder}，而管理密钥文件 ${secretFile} ${why}：请以运行服务器的用户在服务器本机执行（另设了 DOUDI_ADMIN_SECRET_FILE 时请设为同一路径），或先停止服务器`,
    );
  }
  // a file left by a server that has ended (or another than the holder) names a port anyone may
  // listen on now: the command, a new user's password with it, is not sent there
  if (!alive(file.pid) || (held.pid !== undefined && held.pid !== file.pid)) {
    throw new AdminError('server-unreachable', `${holder}，而管理密钥文件 ${secretFile} 不是它写的（可能是另一条管理命令正在执行）：请稍后再试，或先停止占用的进程`);
  }
  let res: Response;
  try {
    res = await fetch(`${file.url}/admin/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${file.secret}` },
      body: JSON.stringify(command),
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new AdminError('server-unreachable', `${holder}，但无法连接它的管理接口 ${file.url}：请确认服务器正常运行，或先停止服务器`);
  }
  const body = (await res.json().catch(() => ({}))) as { lines?: string[]; code?: string; message?: string };
  if (!res.ok) throw new AdminError(body.code ?? 'admin-failed', body.message ?? `管理接口返回 ${res.status}`);
  return body.lines ?? [];
}
