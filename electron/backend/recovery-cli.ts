/**
 * Recovery commands run on the office PC with access to its data folder (README, “锁定的管理员”):
 *   npm run recover -- unlock-admin --data-dir <数据目录>
 * The database is encrypted: its key is read from the key file beside the data folder (browser mode);
 * in Electron it is sealed for the app, so the command asks for the paper recovery key on stdin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from './app';
import { unlockAdmins } from './services/auth/recovery';
import { readDatabaseKey } from './db/database-key';
import { parseRecoveryKey } from './db/recovery-key';
import { isPlainDatabase } from './db/encipher-database';

async function askRecoveryKey(): Promise<Buffer> {
  process.stderr.write('本机数据库的密钥由程序封存，请输入纸面恢复密钥（14组，每组4位）：');
  const rl = (await import('node:readline')).createInterface({ input: process.stdin });
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  try {
    return parseRecoveryKey(line);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

function dataDirArg(args: string[]): string | null {
  const i = args.indexOf('--data-dir');
  const dir = i >= 0 ? args[i + 1] : process.env.DOUDI_DATA_DIR;
  return dir ? path.resolve(dir) : null;
}

const [command, ...rest] = process.argv.slice(2);
const dataDir = dataDirArg(rest);
if (command !== 'unlock-admin' || !dataDir) {
  console.error('用法：npm run recover -- unlock-admin --data-dir <数据目录>（或设置 DOUDI_DATA_DIR）');
  process.exit(2);
}
if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) {
  console.error(`数据目录中没有本机数据库：${path.join(dataDir, DB_FILE_NAME)}`);
  process.exit(1);
}
const dbFile = path.join(dataDir, DB_FILE_NAME);
const key = readDatabaseKey(dataDir) ?? (isPlainDatabase(dbFile) ? undefined : await askRecoveryKey());
const names = unlockAdmins(dataDir, key);
console.log(names.length > 0 ? `已解除锁定的管理员：${names.join('、')}` : '本机没有启用中的管理员账号');
