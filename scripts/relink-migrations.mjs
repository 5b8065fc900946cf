// After merging branches that each generated migrations, rebuilds drizzle's journal from the
// migration files in name (timestamp) order and relinks the snapshot chain (each snapshot's prevId
// is the previous one's id), so drizzle-kit sees one linear history. The SQL files are untouched.
// Then run `npx drizzle-kit generate` once: if it reports changes, the latest snapshot was missing
// a branch's tables; see the note printed below.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'electron/backend/db/migrations';
const meta = path.join(dir, 'meta');
const tags = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4)).sort();
const old = JSON.parse(fs.readFileSync(path.join(meta, '_journal.json'), 'utf8').replace(/^(<<<<<<<|=======|>>>>>>>).*$/gm, ''));
const whenOf = new Map((old.entries ?? []).map((e) => [e.tag, e.when]));
let prevId = '00000000-0000-0000-0000-000000000000';
const entries = tags.map((tag, idx) => {
  const snapFile = path.join(meta, `${tag.slice(0, 14)}_snapshot.json`);
  const snap = JSON.parse(fs.readFileSync(snapFile, 'utf8'));
  snap.prevId = prevId;
  prevId = snap.id;
  fs.writeFileSync(snapFile, JSON.stringify(snap, null, 2) + '\n');
  const stamp = tag.slice(0, 14);
  const fallback = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14));
  return { idx, version: '6', when: whenOf.get(tag) ?? fallback, tag, breakpoints: true };
});
fs.writeFileSync(path.join(meta, '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }, null, 2) + '\n');
console.log(`relinked ${entries.length} migrations; latest snapshot ${tags.at(-1)}`);
