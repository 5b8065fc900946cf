/**
 * Recovery commands run on the office PC with access to its data folder (README, “锁定的管理员”):
 *   npm run recover -- unlock-admin --data-dir <数据目录>
 */
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from './app';
import { unlockAdmins } from './services/auth/recovery';

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
const names = unlockAdmins(dataDir);
console.log(names.length > 0 ? `已解除锁定的管理员：${names.join('、')}` : '本机没有启用中的管理员账号');
