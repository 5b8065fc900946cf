/**
 * Long work tells its progress and gives other calls a turn: the demo load (one transaction, kept
 * open across turns) reports as it goes; the Excel export writes a chunk of rows at a time.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness';
import type { BackendEvent, ProgressInfo } from '../../../shared/api/events';

let h: Harness;
let log: (ProgressInfo | string)[];
let onProgress: (p: ProgressInfo) => void = () => undefined;
beforeAll(async () => {
  log = [];
  h = await makeHarness({
    setUp: false,
    events: (e: BackendEvent) => {
      if (e.type !== 'progress') return;
      log.push(e.progress);
      onProgress(e.progress);
    },
  });
});
afterAll(() => h.close());

const progressOf = (task: string) => log.filter((p): p is ProgressInfo => typeof p !== 'string' && p.task === task);

describe('long work', () => {
  test('the demo load reports its progress up to the end, and a cheap call made meanwhile is answered from what was committed before', async () => {
    // The cheap call arrives as another message would, on a later turn of the event loop.
    let cheap: Promise<unknown> | null = null;
    onProgress = (p) => {
      if (p.task !== 'setup.loadDemo' || cheap) return;
      cheap = new Promise((resolve) => setImmediate(resolve))
        .then(() => h.call('setup.status', {}, null))
        .then((s) => log.push(`setup.status isEmpty=${s.isEmpty}`));
    };
    await h.call('setup.loadDemo', {});
    log.push('demo loaded');
    await cheap;
    onProgress = () => undefined;
    const order = log.filter((l): l is string => typeof l === 'string');
    expect(order).toEqual(['setup.status isEmpty=true', 'demo loaded']);
    const steps = progressOf('setup.loadDemo');
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.length).toBeLessThan(200); // a few dozen events, not one per row
    expect(steps[0]).toMatchObject({ label: '正在载入演示数据', finished: false });
    const last = steps.at(-1)!;
    expect(last.finished).toBe(true);
    expect(last.done).toBe(last.total);
    const dones = steps.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  }, 180_000); // the demo plays its year of history

  test('an Excel export lets another call through between its chunks, and reports progress', async () => {
    const { token } = await h.call('auth.login', { username: 'demo', password: 'demo' }, null);
    log.length = 0;
    // As the export reports its first chunk, a cheap call comes in: it is answered before the next.
    let cheap: Promise<unknown> | null = null;
    onProgress = (p) => {
      if (p.task === 'registry.exportHouseholds' && !cheap) cheap = h.call('auth.me', {}, token).then(() => log.push('auth.me done'));
    };
    await h.call('registry.exportHouseholds', {}, token);
    log.push('export done');
    await cheap;
    const steps = progressOf('registry.exportHouseholds');
    expect(steps.at(-1)).toMatchObject({ label: '正在导出 Excel', finished: true });
    expect(steps.at(-1)!.total).toBeGreaterThan(4000);
    expect(steps.length).toBeGreaterThan(3);
    expect(log.indexOf('auth.me done')).toBe(1); // right after the first chunk's progress
    expect(log.at(-1)).toBe('export done');
  });
});
