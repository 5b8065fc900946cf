/**
 * Layer boundaries of DESIGN.md, checked on every source file's imports (tests excluded):
 * - shared/ imports only shared/, no Node module, no DOM global;
 * - renderer/ imports only itself and shared/, no Node or Electron;
 * - server/ imports only itself and shared/ (never electron/), no Electron;
 * - electron/backend/ imports only itself and shared/, never `electron`;
 * - the shells (electron/main, electron/preload, browser mode's web host) reach the backend only
 *   through electron/host: nothing they import, directly or further down, is a backend module;
 * - the reader worker's backend (read-backend.ts) loads nothing of demo/;
 * - no file is a god file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, sourceFiles } from '../support/source-files';

const root = REPO_ROOT;
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

const sources = sourceFiles;

/** The modules a file imports; `values` leaves out `import type` / `export type` (erased, never loaded). */
function imports(file: string, values = false): string[] {
  let text = fs.readFileSync(file, 'utf8');
  if (values) text = text.replace(/^(?:import|export)\s+type\s[^;]*?from\s+['"][^'"]+['"];?/gm, '');
  const re =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  const found: string[] = [];
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return found;
}

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NODE_ONLY_PACKAGES = ['better-sqlite3-multiple-ciphers', 'drizzle-orm/better-sqlite3', 'exceljs', 'electron'];
const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const isNodeOnly = (s: string) => NODE.has(s) || NODE_ONLY_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`));

/** The repository path a relative import points at (without extension), or null for a package. */
function target(file: string, spec: string): string | null {
  return spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : null;
}

/** Imports of the files under `dir` that point inside the repository but outside `allowed`. */
function strayImports(dir: string, allowed: string[], except?: string): string[] {
  const files = sources(dir).filter((f) => !except || !rel(f).startsWith(`${except}/`));
  return files.flatMap((f) =>
    imports(f)
      .filter((s) => {
        const t = target(f, s);
        return t !== null && !allowed.some((a) => t === a || t.startsWith(`${a}/`));
      })
      .map((s) => `${rel(f)} imports ${s}`),
  );
}

function offenders(dir: string, bad: (spec: string) => boolean): string[] {
  return sources(dir).flatMap((f) =>
    imports(f)
      .filter(bad)
      .map((spec) => `${rel(f)} imports ${spec}`),
  );
}

/** The source file a relative import loads (`./x` → x.ts, x.tsx or x/index.ts), or null. */
function resolveFile(file: string, spec: string): string | null {
  const base = path.resolve(path.dirname(file), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Every repository file reachable by imports from the entry files. */
function reachable(entries: string[]): string[] {
  const seen = new Set<string>();
  const todo = entries.map((e) => path.join(root, e));
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const s of imports(f, true)) {
      const next = s.startsWith('.') ? resolveFile(f, s) : null;
      if (next) todo.push(next);
    }
  }
  return [...seen].map(rel);
}

const WEB_HOST = 'electron/backend/web-host';

describe('layer boundaries', () => {
  test('the renderer imports only itself and shared/, neither Node nor Electron', () => {
    expect(offenders('renderer', (s) => isNodeOnly(s) || isElectron(s))).toEqual([]);
    expect(strayImports('renderer', ['renderer', 'shared'])).toEqual([]);
  });

  test('the server imports only itself and shared/, never electron/', () => {
    expect(offenders('server', isElectron)).toEqual([]);
    expect(strayImports('server', ['server', 'shared'])).toEqual([]);
  });

  test('electron/backend imports only itself and shared/, never electron', () => {
    expect(offenders('electron/backend', isElectron)).toEqual([]);
    // browser mode's web host is a shell: it runs the backend through electron/host (below)
    expect(strayImports('electron/backend', ['electron/backend', 'shared'], WEB_HOST)).toEqual([]);
  });

  test('the shells reach the backend only through electron/host', () => {
    expect(strayImports('electron/main', ['electron/main', 'electron/host', 'shared'])).toEqual([]);
    expect(strayImports('electron/preload', ['electron/preload', 'electron/main/channels', 'shared'])).toEqual([]);
    expect(strayImports(WEB_HOST, [WEB_HOST, 'electron/host/host', 'shared'])).toEqual([]);
    // the worker is started by its file name, never imported: no shell loads a backend module
    const loaded = reachable(['electron/main/index.ts', 'electron/preload/index.ts', `${WEB_HOST}/main.ts`]);
    expect(loaded.filter((f) => f.startsWith('electron/backend/') && !f.startsWith(`${WEB_HOST}/`))).toEqual([]);
    expect(loaded.filter((f) => f === 'electron/host/worker.ts')).toEqual([]);
  });

  test('the reader worker loads no write-side module: not the demo street generator', () => {
    const loaded = reachable(['electron/backend/read-backend.ts']);
    expect(loaded).toContain('electron/backend/api/read-handlers.ts');
    expect(loaded.filter((f) => f.startsWith('electron/backend/demo/'))).toEqual([]);
  });

  test('electron/host imports only itself, the backend and shared/', () => {
    expect(strayImports('electron/host', ['electron/host', 'electron/backend', 'shared'])).toEqual([]);
  });

  test('shared/ imports only shared/, neither Node nor Electron', () => {
    expect(offenders('shared', (s) => isNodeOnly(s) || isElectron(s))).toEqual([]);
    expect(strayImports('shared', ['shared'])).toEqual([]);
  });

  test('shared/ uses no DOM globals', () => {
    const dom = /\b(window|document|localStorage|sessionStorage|navigator)\./;
    const hits = sources('shared').filter((f) => dom.test(fs.readFileSync(f, 'utf8')));
    expect(hits.map(rel)).toEqual([]);
  });

  test('no god files: every source file stays under 450 lines', () => {
    const big = ['shared', 'electron', 'renderer', 'server']
      .flatMap(sources)
      .map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 450);
    expect(big).toEqual([]);
  });
});
