// Installs the npm dependencies when they are missing or older than package-lock.json, so that
// `npm start`, `npm run web` and `npm test` each work as the one command on a fresh clone.
// Usage: node scripts/ensure-deps.mjs [--no-electron]  (skip the Electron binary download)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync('package-lock.json').mtimeMs;
if (fresh) process.exit(0);

const env = { ...process.env };
if (process.argv.includes('--no-electron')) {
  env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
}
console.error('[deps] installing dependencies (npm ci)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
