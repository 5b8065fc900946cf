/**
 * Long work leaves the backend answering, through the real host (worker thread, real SQLite file):
 * a cheap call made while a 20,000-row import preview is being read is answered before the reading
 * ends (the workbook is parsed in a thread of its own), and one made while a payment batch of a
 * street with many enrolments is generated is answered before the batch; both tell their progress
 * in order, up to 100 %. Order asserts only: no timings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BackendEvent, ProgressInfo } from '../../shared/api/events';
import { ADMIN, TEST_STREET } from '../backend/testing/harness';
import { importRows, importWorkbook } from '../backend/testing/import-file';
import { startBackendHost, type BackendHost } from './host';
import { removeTestDir } from '../backend/testing/remove-dir';

let dataDir: string;
let host: BackendHost;
/** What the test saw, in the order it saw it: progress events and replies. */
let log: (ProgressInfo | string)[];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-host-turns-'));
  host = await startBackendHost({ dataDir, sync: { autoStart: false }, logError: () => undefined });
  log = [];
  host.subscribe((e: BackendEvent) => {
    if (e.type === 'progress') log.push(e.progress);
  });
});
afterEach(async () => {
  await host.close();
  removeTestDir(dataDir);
});

async function must<T>(procedure: string, input: unknown, token: string | null): Promise<T> {
  const env = await host.call(procedure, input, token);
  if (!env.ok) throw new Error(`${procedure}: ${env.error.code} ${env.error.message}`);
  return env.result as T;
}

async function setUp(): Promise<{ token: string; community: string }> {
  const { token } = await must<{ token: string }>(
    'setup.initialize',
    { streetCode: TEST_STREET.code, streetName: TEST_STREET.name, officeName: TEST_STREET.officeName, admin: ADMIN },
    null,
  );
  const [community] = await must<{ name: string }[]>('org.listCommunities', {}, token);
  return { token, community: community!.name };
}

const progressOf = (task: string) => log.filter((l): l is ProgressInfo => typeof l !== 'string' && l.task === task);

/** In order, up to 100 %, finished once at the end. */
function expectWholeProgress(steps: ProgressInfo[], label: string) {
  expect(steps.length).toBeGreaterThan(3);
  expect(steps.length).toBeLessThan(200); // a few dozen events, not one per row
  expect(steps[0]).toMatchObject({ label, finished: false });
  const dones = steps.map((s) => s.done);
  expect(dones).toEqual([...dones].sort((a, b) => a - b));
  expect(steps.every((s) => s.total === steps[0]!.total)).toBe(true);
  expect(steps.at(-1)).toMatchObject({ done: steps[0]!.total, finished: true });
  expect(steps.filter((s) => s.finished)).toHaveLength(1);
}

describe('long work through the host', () => {
  test('a cheap call made while a 20,000-row preview is read is answered before the reading ends', async () => {
    const { token, community } = await setUp();
    const base64 = await importWorkbook(importRows(community, 10_000));
    // The reading is the first quarter of the preview's bar: at its first step past the start, a
    // cheap call goes out (as the window's would); it must come back while the rows are still read.
    let cheap: Promise<unknown> | null = null;
    const off = host.subscribe((e) => {
      if (cheap || e.type !== 'progress' || e.progress.task !== 'registry.importPreview') return;
      if (e.progress.done === 0) return;
      cheap = host.call('auth.me', {}, token).then((me) => log.push(`auth.me ${me.ok}`));
    });
    const preview = await must<{ validHouseholds: number; totalRows: number }>('registry.importPreview', { fileName: '导入.xlsx', base64 }, token);
    log.push('preview done');
    off();
    await cheap;
    expect(preview).toMatchObject({ totalRows: 20_000, validHouseholds: 10_000 });
    const steps = progressOf('registry.importPreview');
    expectWholeProgress(steps, '正在读取和检查导入文件');
    const readEnd = log.findIndex((l) => typeof l !== 'string' && l.task === 'registry.importPreview' && l.done >= l.total! / 4);
    const answered = log.indexOf('auth.me true');
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(readEnd); // while the rows were still being read
    expect(log.at(-1)).toBe('preview done');
  }, 240_000);

  test('a cheap call made while the payment batch of a street with many enrolments is generated is answered before the batch', async () => {
    const { token, community } = await setUp();
    // Every imported 低保 household is enrolled at once, paid from the month of the import.
    const households = 2000;
    const base64 = await importWorkbook(importRows(community, households));
    const preview = await must<{ importId: string }>('registry.importPreview', { fileName: '导入.xlsx', base64 }, token);
    await must('registry.importCommit', { importId: preview.importId }, token);
    const { today } = await must<{ today: string }>('app.clock', {}, null);
    const month = today.slice(0, 7);
    log.length = 0;
    let cheap: Promise<unknown> | null = null;
    const off = host.subscribe((e) => {
      if (cheap || e.type !== 'progress' || e.progress.task !== 'batches.generate' || e.progress.done === 0) return;
      cheap = host.call('auth.me', {}, token).then((me) => log.push(`auth.me ${me.ok}`));
    });
    const batch = await must<{ rowCount: number; status: string }>('batches.generate', { programme: 'dibao', month }, token);
    log.push('batch done');
    off();
    await cheap;
    expect(batch).toMatchObject({ status: 'pending', rowCount: households });
    const steps = progressOf('batches.generate');
    expectWholeProgress(steps, '正在生成发放批次');
    expect(steps[0]!.total).toBe(households);
    const answered = log.indexOf('auth.me true');
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(log.findIndex((l) => typeof l !== 'string' && l.finished)); // while the rows were worked out
    expect(log.at(-1)).toBe('batch done');
  }, 240_000);
});
