/** Server migrations are drizzle-generated, journaled and additive only, like the office database's. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = path.resolve(__dirname, 'migrations');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

describe('server migrations', () => {
  test('are timestamp-named and listed in the journal in order', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    for (const f of files) expect(f).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/);
  });
  test.each(files)('%s is additive only', (f) => {
    const sql = fs.readFileSync(path.join(dir, f), 'utf8').replace(/--.*$/gm, '');
    expect(sql).not.toMatch(/\bDROP\s+(TABLE|COLUMN)\b|\bRENAME\b/i);
  });
});
