#!/usr/bin/env node
/**
 * Bundles the Electron main process, the backend's worker thread and the preload with esbuild:
 *   electron/main/index.ts    -> dist-electron/main.cjs (the shell and the backend host, no backend)
 *   electron/host/worker.ts   -> dist-electron/backend-worker.cjs (the whole backend)
 *   electron/backend/services/registry/excel-read-worker.ts -> dist-electron/excel-read-worker.cjs
 *                                (the import reader's thread, which the backend starts beside itself)
 *   electron/preload/index.ts -> dist-electron/preload.cjs
 * and copies the database migrations to dist-electron/migrations (electron-builder ships them as an
 * extra resource). Electron itself and native modules stay external: they are loaded from
 * node_modules at run time (native modules rebuilt for Electron by `electron-builder install-app-deps`).
 */
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist-electron');
const migrationsSrc = path.join(root, 'electron', 'backend', 'db', 'migrations');

/** Runtime dependencies with a native addon (binding.gyp or gypfile), plus the always-native ones. */
async function nativeModules(pkg) {
  const names = new Set(['better-sqlite3-multiple-ciphers']);
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const dir = path.join(root, 'node_modules', name);
    if (existsSync(path.join(dir, 'binding.gyp'))) {
      names.add(name);
      continue;
    }
    try {
      const depPkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
      if (depPkg.gypfile === true) names.add(name);
    } catch {
      // Not installed: the bundle step reports it if it is actually imported.
    }
  }
  return [...names].sort();
}

/** Externals the bundle may import at run time, by package name. */
function packageOf(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function externalImports(metafile, outFile) {
  const output = metafile.outputs[path.relative(root, outFile).split(path.sep).join('/')];
  if (!output) throw new Error(`esbuild metafile has no entry for ${outFile}`);
  return [...new Set(output.imports.filter((i) => i.external).map((i) => packageOf(i.path)))].sort();
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  keepNames: true,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

async function main() {
  const started = Date.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const native = await nativeModules(pkg);
  const mainOut = path.join(outDir, 'main.cjs');
  const workerOut = path.join(outDir, 'backend-worker.cjs');
  const preloadOut = path.join(outDir, 'preload.cjs');
  const readerOut = path.join(outDir, 'excel-read-worker.cjs');
  // ESM sources that read import.meta.url get the bundle's own file URL.
  const nodeEntry = {
    ...common,
    external: ['electron', ...native],
    // drizzle's better-sqlite3 driver imports 'better-sqlite3': the app ships the encrypting build (same API) instead
    alias: { 'better-sqlite3': 'better-sqlite3-multiple-ciphers' },
    define: { 'import.meta.url': '__doudi_import_meta_url' },
    banner: { js: "const __doudi_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  };

  const mainResult = await build({ ...nodeEntry, entryPoints: [path.join(root, 'electron', 'main', 'index.ts')], outfile: mainOut });
  const workerResult = await build({ ...nodeEntry, entryPoints: [path.join(root, 'electron', 'host', 'worker.ts')], outfile: workerOut });
  // The main process serves the window: the database and the backend run only in the worker.
  const mainInputs = Object.keys(mainResult.metafile.inputs);
  const inMain = mainInputs.filter((f) => f.startsWith('electron/backend/'));
  if (inMain.length > 0 || externalImports(mainResult.metafile, mainOut).includes('better-sqlite3-multiple-ciphers')) {
    throw new Error(`main.cjs must not bundle the backend (it runs in backend-worker.cjs), but includes: ${inMain.slice(0, 5).join(', ') || 'better-sqlite3-multiple-ciphers'}`);
  }
  // Found by the backend beside its own bundle (excel-read-thread.ts readerEntry).
  const readerResult = await build({ ...nodeEntry, entryPoints: [path.join(root, 'electron', 'backend', 'services', 'registry', 'excel-read-worker.ts')], outfile: readerOut });
  const workerExternals = [...new Set([...externalImports(workerResult.metafile, workerOut), ...externalImports(readerResult.metafile, readerOut)])];
  if (workerExternals.includes('electron')) throw new Error('the backend worker and its import reader must not import electron');

  // A sandboxed preload can require 'electron' and nothing else of Node's.
  const preloadResult = await build({
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload', 'index.ts')],
    outfile: preloadOut,
    external: ['electron'],
  });
  const preloadExternals = externalImports(preloadResult.metafile, preloadOut);
  const forbidden = preloadExternals.filter((name) => name !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(`the sandboxed preload must only import 'electron', but imports: ${forbidden.join(', ')}`);
  }
  if ((await readFile(preloadOut, 'utf8')).includes('module.exports')) {
    throw new Error('the preload entry must export nothing (keep its types in electron/preload/bridge.ts)');
  }

  if (!existsSync(migrationsSrc)) throw new Error(`no migrations folder at ${migrationsSrc}`);
  await cp(migrationsSrc, path.join(outDir, 'migrations'), { recursive: true });

  // What main.cjs requires at run time must ship with the app: Node built-ins, Electron, or a
  // production dependency (electron-builder copies those into the package).
  const builtins = new Set(builtinModules);
  const mainExternals = [...new Set([...externalImports(mainResult.metafile, mainOut), ...workerExternals])].filter(
    (name) => !name.startsWith('node:') && !builtins.has(name),
  );
  const unshipped = mainExternals.filter((name) => name !== 'electron' && !(name in (pkg.dependencies ?? {})));
  if (unshipped.length > 0) {
    throw new Error(`main.cjs requires ${unshipped.join(', ')} at run time, but package.json "dependencies" lacks it`);
  }
  console.log(
    `build-electron: main.cjs, backend-worker.cjs, excel-read-worker.cjs, preload.cjs and migrations in ${path.relative(root, outDir)}/ ` +
      `(${Date.now() - started} ms; main loads at run time: ${mainExternals.join(', ') || 'nothing external'})`,
  );
}

main().catch((err) => {
  console.error(`build-electron failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
