// Installs the npm dependencies when they are missing or were installed from a different
// package-lock.json, so that `npm start`, `npm run web` and `npm test` each work as the one command
// on a fresh clone. The lock's content hash (not its mtime, which a checkout or merge touches) is
// recorded in node_modules after an install.
// Usage: node scripts/ensure-deps.mjs [--no-electron]  (skip the Electron binary download)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const hashFile = 'node_modules/.doudi-lock-hash';
const lockHash = createHash('sha256').update(fs.readFileSync('package-lock.json')).digest('hex');
const installed = fs.existsSync('node_modules/.package-lock.json');
const recorded = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8').trim() : null;

if (installed && (recorded === lockHash || recorded === null)) {
  // Installed by hand before this script recorded anything: trust it and record the lock.
  if (recorded === null) fs.writeFileSync(hashFile, lockHash);
  process.exit(0);
}

const env = { ...process.env };
if (process.argv.includes('--no-electron')) {
  env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
}
console.error('[deps] installing dependencies (npm ci)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (r.status === 0) fs.writeFileSync(hashFile, lockHash);
process.exit(r.status ?? 1);
