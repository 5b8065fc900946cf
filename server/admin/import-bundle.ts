/**
 * `import-bundle <file> [--answer <out>]`: an office PC's outbox brought by file (sync by USB) is
 * imported (sync/bundle.ts) and its answer written, by default beside it as 同步应答-….doudi, for
 * 导入同步包 on the PC. Paths come absolute from the CLI (a running server does the work).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerDb } from '../db/open';
import { AppError } from '../../shared/errors';
import { SyncRefusal } from '../../shared/sync/rejections';
import { bundleFileName } from '../../shared/sync/bundle';
import { findStreet } from '../../shared/streets';
import { shanghaiDate } from '../../shared/time/shanghai';
import { printable } from '../../shared/text/printable';
import { importBundle } from '../sync/bundle';
import { AdminError } from './errors';

/** A bundle larger than this is not one an office PC writes. */
const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

function readBundleFile(file: string): Uint8Array {
  try {
    if (fs.statSync(file).size > MAX_BUNDLE_BYTES) throw new AdminError('bundle-invalid', `文件 ${printable(file)} 过大，不是办公电脑导出的同步包`);
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    if (err instanceof AdminError) throw err;
    throw new AdminError('file-unreadable', `无法读取同步包文件 ${printable(file)}：请核对路径，并确认运行服务器的用户可以读取它`);
  }
}

export async function importBundleCommand(db: ServerDb, now: Date, file: string | undefined, answerPath: string | undefined, answerLimit?: number): Promise<string[]> {
  if (!file) throw new AdminError('file-missing', '请指定同步包文件：import-bundle <文件> [--answer <应答包文件>]');
  const bytes = readBundleFile(file);
  let r;
  try {
    r = await importBundle(db, bytes, now, { answerLimit });
  } catch (err) {
    if (err instanceof AppError || err instanceof SyncRefusal) throw new AdminError(err.code, err.message);
    throw err;
  }
  const { header, device, result } = r;
  const street = findStreet(header.street)?.name ?? header.street;
  const who = `${street}，${device.deviceNo ? `${device.deviceNo}号机 ` : ''}${printable(device.name)}（${device.id}），序号 ${header.seq}，导出于 ${header.createdAt}`;
  const lines = r.already
    ? [`该同步包已导入过（${who}），本次未重复导入任何修改`]
    : [`已导入同步包（${who}）：接收 ${result.accepted.length} 条修改，拒收 ${result.rejected.length} 条`];
  // stamps and codes only, never the values
  for (const x of result.rejected) lines.push(`  拒收 ${x.hlc}：${x.message}（${x.code}${x.field ? `，字段 ${x.field}` : ''}）`);
  const out = answerPath ?? path.join(path.dirname(file), bundleFileName({ ...header, kind: 'answer' }, street, shanghaiDate(now)));
  try {
    fs.writeFileSync(out, r.answer, { mode: 0o600 });
  } catch {
    throw new AdminError('file-unwritable', `无法写入应答包 ${printable(out)}：请核对路径和写入权限（同步包中的修改已导入，重新执行本命令可再次写出应答包）`);
  }
  lines.push(`应答包已写入 ${printable(out)}：带回本机缺少的 ${r.answerChanges} 条修改；请在该办公电脑的“同步”页面点击“导入同步包”导入`);
  if (r.more) lines.push('区级服务器上还有更多修改未装入应答包：该电脑联网同步或下次导入同步包时取回');
  return lines;
}
