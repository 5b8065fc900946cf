// Makes sure better-sqlite3-multiple-ciphers' native module is built for this Node.js (not Electron's ABI, which
// `npm start` builds for). Loads it in a child process; if that fails, rebuilds it for Node.
import { spawnSync } from 'node:child_process';

const probe = "const D=require('better-sqlite3-multiple-ciphers');const d=new D(':memory:');d.prepare('select 1').get();d.close();";

function loads() {
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'pipe' }).status === 0;
}

if (loads()) process.exit(0);
console.error('[rebuild] better-sqlite3-multiple-ciphers is not built for this Node.js; rebuilding…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['rebuild', 'better-sqlite3-multiple-ciphers'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0 || !loads()) {
  console.error('[rebuild] failed to rebuild better-sqlite3-multiple-ciphers for Node.js');
  process.exit(1);
}
console.error('[rebuild] done');
