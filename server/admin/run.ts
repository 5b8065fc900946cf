/**
 * The admin commands as one function from a command to the lines it prints, run by whichever
 * process owns the database: the CLI itself when no server runs, or the running server on behalf of
 * the CLI (admin endpoint). Every text that came from a user or a device is printed escaped.
 */
import { z } from 'zod';
import type { OpenedServerDb } from '../db/open';
import * as admin from './commands';
import { AdminError } from './errors';
import { printable } from '../../shared/text/printable';
import { issueIntakeKey, listIntakeKeys, revokeIntakeKey } from '../intake/keys';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { importBundleCommand } from './import-bundle';

export const ADMIN_COMMANDS = [
  'init',
  'create-streets',
  'create-user',
  'disable-user',
  'enable-user',
  'issue-code',
  'list-devices',
  'revoke-device',
  'issue-intake-key',
  'list-intake-keys',
  'revoke-intake-key',
  'import-bundle',
] as const;

export const AdminCommandSchema = z.strictObject({
  command: z.enum(ADMIN_COMMANDS),
  args: z.array(z.string().max(200)).max(50),
  username: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  role: z.string().max(50).optional(),
  street: z.string().max(50).optional(),
  district: z.boolean().optional(),
  /** create-user only: prompted or read from stdin by the CLI, never taken from its command line. */
  password: z.string().max(1000).optional(),
  /** import-bundle: the bundle file and where its answer goes (absolute paths, made by the CLI). */
  file: z.string().max(4096).optional(),
  answer: z.string().max(4096).optional(),
});
export type AdminCommand = z.infer<typeof AdminCommandSchema>;

function scopeOf(c: AdminCommand): string {
  if (c.district) return DISTRICT_PARTITION;
  if (c.street) return c.street;
  throw new AdminError('scope-missing', '请指定 --street 街道代码 或 --district');
}

export async function runAdminCommand(opened: OpenedServerDb, now: Date, c: AdminCommand): Promise<string[]> {
  const { db } = opened;
  const [arg = ''] = c.args;
  switch (c.command) {
    case 'init':
    case 'create-streets': {
      const created = await admin.createStreets(db, now, c.command === 'init' ? undefined : c.args);
      return [`数据库：${opened.kind}；新建街道 ${created.length} 个${created.length ? `：${created.join('、')}` : ''}`];
    }
    case 'create-user': {
      const id = await admin.createUser(db, now, {
        username: c.username ?? '',
        displayName: c.name ?? c.username ?? '',
        role: c.role ?? 'caseworker',
        password: c.password ?? '',
        partition: scopeOf(c),
      });
      return [`已创建用户 ${printable(c.username)}（${id}）`];
    }
    case 'disable-user':
    case 'enable-user':
      await admin.setUserDisabled(db, now, arg, c.command === 'disable-user');
      return [`${c.command === 'disable-user' ? '已停用' : '已启用'}用户 ${printable(arg)}`];
    case 'issue-code': {
      const r = await admin.issueEnrollmentCode(db, now, scopeOf(c));
      return [`登记码：${r.code}（${r.scope.partition}，有效期至 ${r.expiresAt}，仅可使用一次）`];
    }
    case 'list-devices':
      return (await admin.listDevices(db)).map((d) =>
        [d.id, printable(d.name), d.scope.partition, d.deviceNo ? `${d.deviceNo}号机` : '—', d.revokedAt ? `已停用 ${d.revokedAt}` : '有效', d.lastSeenAt ?? '从未同步'].join('\t'),
      );
    case 'revoke-device':
      return [(await admin.revokeDevice(db, arg, now)) ? `已停用设备 ${printable(arg)}` : `没有可停用的设备 ${printable(arg)}`];
    case 'issue-intake-key': {
      const k = await issueIntakeKey(db, c.name ?? '', now);
      return [
        `线索接收密钥（${printable(c.name)}，编号 ${k.id}）：${k.key}`,
        '密钥只显示这一次，请妥善交给对方系统；调用 POST /v1/clues 时放在请求头 Authorization: Bearer <密钥>',
      ];
    }
    case 'list-intake-keys':
      return (await listIntakeKeys(db)).map((k) => [k.id, printable(k.name), k.revokedAt ? `已停用 ${k.revokedAt}` : '有效', k.lastUsedAt ?? '从未使用'].join('\t'));
    case 'revoke-intake-key':
      return [(await revokeIntakeKey(db, arg, now)) ? `已停用线索接收密钥 ${printable(arg)}` : `没有可停用的密钥 ${printable(arg)}`];
    case 'import-bundle':
      return importBundleCommand(db, now, c.file, c.answer);
  }
}
