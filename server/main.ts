/**
 * District server entry and admin CLI: `npm run server -- <command>`.
 *   start (default)                 serve on 127.0.0.1:5790 (HOST / PORT to change)
 *   init                            create the database and Dongli's 11 streets
 *   create-streets [code…]          create streets (default: all of Dongli's)
 *   create-user --username u --name 姓名 --role street-admin --password p (--street CODE | --district)
 *   disable-user <username> / enable-user <username>
 *   issue-code (--street CODE | --district)   one-time enrollment code for an office device
 *   list-devices / revoke-device <id>
 *   issue-intake-key --name 网格系统        key for POST /v1/clues (shown once, stored hashed)
 *   list-intake-keys / revoke-intake-key <id>
 * Storage: PGlite in DOUDI_SERVER_DATA_DIR (default ~/.doudi-desk/server-data), or PostgreSQL
 * when DATABASE_URL=postgres://… is set.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openServerDb } from './db/open';
import { buildServer } from './app';
import * as admin from './admin/commands';
import { issueIntakeKey, listIntakeKeys, revokeIntakeKey } from './intake/keys';
import { DISTRICT_PARTITION } from '../shared/sync/wire';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    street: { type: 'string' },
    district: { type: 'boolean' },
  },
});
const [command = 'start', ...args] = positionals;
const dataDir = process.env.DOUDI_SERVER_DATA_DIR ?? path.join(os.homedir(), '.doudi-desk', 'server-data');
const opened = await openServerDb({ dataDir, databaseUrl: process.env.DATABASE_URL });
const now = () => new Date();

function scopeArg(): string {
  if (values.district) return DISTRICT_PARTITION;
  if (values.street) return values.street;
  throw new Error('请指定 --street 街道代码 或 --district');
}

async function run(): Promise<boolean> {
  switch (command) {
    case 'start': {
      const app = buildServer({ db: opened, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
      const host = process.env.HOST ?? '127.0.0.1';
      const port = Number(process.env.PORT ?? 5790);
      await app.listen({ host, port });
      const stop = async () => {
        await app.close();
        await opened.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return true;
    }
    case 'init':
    case 'create-streets': {
      const created = await admin.createStreets(opened.db, now(), command === 'init' ? undefined : args);
      console.log(`数据库：${opened.kind}；新建街道 ${created.length} 个${created.length ? `：${created.join('、')}` : ''}`);
      return false;
    }
    case 'create-user': {
      const id = await admin.createUser(opened.db, now(), {
        username: values.username ?? '',
        displayName: values.name ?? values.username ?? '',
        role: values.role ?? 'caseworker',
        password: values.password ?? '',
        partition: scopeArg(),
      });
      console.log(`已创建用户 ${values.username}（${id}）`);
      return false;
    }
    case 'disable-user':
    case 'enable-user':
      await admin.setUserDisabled(opened.db, now(), args[0] ?? '', command === 'disable-user');
      console.log(`${command === 'disable-user' ? '已停用' : '已启用'}用户 ${args[0]}`);
      return false;
    case 'issue-code': {
      const r = await admin.issueEnrollmentCode(opened.db, now(), scopeArg());
      console.log(`登记码：${r.code}（${r.scope.partition}，有效期至 ${r.expiresAt}，仅可使用一次）`);
      return false;
    }
    case 'list-devices':
      for (const d of await admin.listDevices(opened.db)) {
        console.log([d.id, d.name, d.scope.partition, d.deviceNo ? `${d.deviceNo}号机` : '—', d.revokedAt ? `已停用 ${d.revokedAt}` : '有效', d.lastSeenAt ?? '从未同步'].join('\t'));
      }
      return false;
    case 'revoke-device':
      console.log((await admin.revokeDevice(opened.db, args[0] ?? '', now())) ? `已停用设备 ${args[0]}` : `没有可停用的设备 ${args[0]}`);
      return false;
    case 'issue-intake-key': {
      const k = await issueIntakeKey(opened.db, values.name ?? '', now());
      console.log(`线索接收密钥（${values.name}，编号 ${k.id}）：${k.key}`);
      console.log('密钥只显示这一次，请妥善交给对方系统；调用 POST /v1/clues 时放在请求头 Authorization: Bearer <密钥>');
      return false;
    }
    case 'list-intake-keys':
      for (const k of await listIntakeKeys(opened.db)) {
        console.log([k.id, k.name, k.revokedAt ? `已停用 ${k.revokedAt}` : '有效', k.lastUsedAt ?? '从未使用'].join('\t'));
      }
      return false;
    case 'revoke-intake-key':
      console.log((await revokeIntakeKey(opened.db, args[0] ?? '', now())) ? `已停用线索接收密钥 ${args[0]}` : `没有可停用的密钥 ${args[0]}`);
      return false;
    default:
      throw new Error(`未知命令 ${command}`);
  }
}

try {
  const serving = await run();
  if (!serving) await opened.close();
} catch (err) {
  console.error((err as Error).message);
  await opened.close();
  process.exit(1);
}
