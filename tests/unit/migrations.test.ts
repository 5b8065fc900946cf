/**
 * Migrations are committed, timestamp-named, listed in drizzle's journal, and additive only: no
 * dropped or renamed tables or columns, so an older replica's data and a newer one's stay compatible.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = path.resolve(__dirname, '../../electron/backend/db/migrations');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

describe('migrations', () => {
  test('are timestamp-named and all listed in the journal in order', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/);
    const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
  });

  test.each(files)('%s is additive only', (f) => {
    const sql = fs.readFileSync(path.join(dir, f), 'utf8').replace(/--.*$/gm, '');
    expect(sql).not.toMatch(/\bDROP\s+(TABLE|COLUMN)\b/i);
    expect(sql).not.toMatch(/\bRENAME\b/i);
    expect(sql).not.toMatch(/\bALTER\s+TABLE\s+\S+\s+DROP\b/i);
    // a new column must be nullable or have a default, so existing rows stay valid
    for (const m of sql.matchAll(/ALTER\s+TABLE\s+\S+\s+ADD\s+(?:COLUMN\s+)?([^;]+)/gi)) {
      const def = m[1]!;
      if (/NOT\s+NULL/i.test(def)) expect(def).toMatch(/DEFAULT/i);
    }
  });
});
