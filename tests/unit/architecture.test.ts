/**
 * Layer boundaries of DESIGN.md: the renderer imports neither Node nor Electron; electron/backend
 * never imports electron; shared/ imports neither Node nor the DOM; no file is a god file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'migrations') walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  const found: string[] = [];
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'drizzle-orm/better-sqlite3', 'exceljs', 'electron'];

function offenders(dir: string, bad: (spec: string) => boolean): string[] {
  return sources(dir).flatMap((f) =>
    imports(f)
      .filter(bad)
      .map((spec) => `${path.relative(root, f)} imports ${spec}`),
  );
}

describe('layer boundaries', () => {
  test('the renderer imports neither Node nor Electron nor backend code', () => {
    expect(
      offenders('renderer', (s) => NODE.has(s) || NODE_ONLY_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`)) || s.includes('electron/')),
    ).toEqual([]);
  });

  test('electron/backend never imports electron', () => {
    expect(offenders('electron/backend', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
  });

  test('shared/ imports neither Node, Electron nor app layers', () => {
    expect(
      offenders('shared', (s) => NODE.has(s) || NODE_ONLY_PACKAGES.includes(s) || /(^|\/)(electron|renderer|server)\//.test(s)),
    ).toEqual([]);
  });

  test('shared/ uses no DOM globals', () => {
    const dom = /\b(window|document|localStorage|sessionStorage|navigator)\./;
    const hits = sources('shared').filter((f) => dom.test(fs.readFileSync(f, 'utf8')));
    expect(hits.map((f) => path.relative(root, f))).toEqual([]);
  });

  test('no god files: every source file stays under 450 lines', () => {
    const big = ['shared', 'electron', 'renderer', 'server']
      .flatMap(sources)
      .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 450);
    expect(big).toEqual([]);
  });
});
