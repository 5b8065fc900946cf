/**
 * `npm run web`: browser mode. Serves dist/ and the API on http://127.0.0.1:5780 (PORT overrides);
 * data in DOUDI_DATA_DIR (default ~/.doudi-desk/data). The backend runs in its worker thread behind
 * the backend host, as in Electron.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackendHost } from '../../host/host';
import { startWebHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = process.env.DOUDI_DATA_DIR || path.join(os.homedir(), '.doudi-desk', 'data');
const port = Number(process.env.PORT || 5780);

const backend = await startBackendHost({ dataDir });
const host = await startWebHost({ backend, distDir: path.join(root, 'dist'), port });
console.log(`兜底保障工作台（浏览器模式）已启动：${host.url}`);
console.log(`数据目录：${dataDir}`);

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  void host
    .close()
    .then(() => backend.close())
    .finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
