/**
 * `npm run bench`: runs each benchmark in turn; one JSON line per bench on stdout, a readable
 * summary on stderr. Arguments: bench names to run only those; `--households=N` for the size of
 * the generated street (default 40,000 households ≈ 100,000 persons); `--data-dir=DIR` to keep
 * the loaded database in DIR and reuse it on the next run.
 */
import { log, type Bench, type BenchOptions } from './lib';
import { registrySearchBench } from './registry-search';
import { printCardsBench } from './print-cards';
import { dueListsBench } from './due-lists';
import { syncBootstrapBench } from './sync-bootstrap';
import { syncIncrementalBench } from './sync-incremental';
import { storageFootprintBench } from './storage-footprint';
import { closeSharedDistrict } from './sync-district';
import { uiResponsivenessBench } from './ui-responsiveness';
import { encryptionOverheadBench } from './encryption-overhead';
import { reportsBench } from './reports';
import { warningsBench } from './warnings';
import { serverPushBench } from './server-push';

const BENCHES: Bench[] = [registrySearchBench, dueListsBench, printCardsBench, syncBootstrapBench, syncIncrementalBench, uiResponsivenessBench, storageFootprintBench, encryptionOverheadBench, reportsBench, warningsBench, serverPushBench];

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  const opts: BenchOptions = {
    households: Number(option('households') ?? process.env.BENCH_HOUSEHOLDS ?? 40_000),
    dataDir: option('data-dir'),
  };
  if (!Number.isInteger(opts.households) || opts.households < 1) throw new Error('--households must be a positive integer');
  try {
    for (const bench of BENCHES) {
      if (only.length > 0 && !only.includes(bench.name)) continue;
      const result = await bench.run(opts);
      process.stdout.write(`${JSON.stringify(result.json)}\n`);
      for (const line of result.summary) log(line);
    }
  } finally {
    // The sync benches share one loaded district per run.
    await closeSharedDistrict();
  }
}

main().catch((err: unknown) => {
  log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
