/**
 * Runs every benchmark in tests/bench/*.bench.ts (or those named on the command line): each prints
 * one JSON line on stdout ({"bench": …, "ratio": …}) and a human summary on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = false;
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run: () => Promise<Record<string, unknown>> };
  try {
    const result = await mod.run();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (e) {
    failed = true;
    process.stderr.write(`[bench] ${f} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  }
}
process.exit(failed ? 1 : 0);
