/**
 * Ledger rules in one place (issue 14): the ledger reads its terms through services/policy, never
 * from services/screening (no folder loop), and rule code never reads the policy default constants.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const importing = (dir: string, spec: RegExp) =>
  files(dir).filter((f) => [...fs.readFileSync(path.join(root, f), 'utf8').matchAll(/from\s+'([^']+)'/g)].some((m) => spec.test(m[1]!)));

test('the ledger does not import the screening folder', () => {
  expect(importing('electron/backend/services/ledger', /\/screening\//)).toEqual([]);
});

test('only the policy service and the seeding read the policy default constants', () => {
  expect(importing('electron/backend', /policy-defaults$/).sort()).toEqual([
    'electron/backend/services/policy/ledger.ts',
    'electron/backend/services/screening/policy.ts',
  ]);
});
