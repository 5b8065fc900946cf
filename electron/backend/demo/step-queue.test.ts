/** The demo year's step queue hands steps out exactly as a scan for the earliest would. */
import { describe, expect, test } from 'vitest';
import { StepQueue, type Step } from './step-queue';
import { Rng } from './random';

/** The earliest by scanning every pending step (the order the year was first played in). */
function scanEarliest(pending: Step[]): Step {
  let i = 0;
  for (let j = 1; j < pending.length; j++) {
    const a = pending[j]!;
    const b = pending[i]!;
    if (a.when < b.when || (a.when === b.when && a.order < b.order)) i = j;
  }
  return pending.splice(i, 1)[0]!;
}

describe('the step queue', () => {
  test('steps at many shared instants, some scheduled while others are taken, come out as the scan takes them', () => {
    const rng = new Rng(15);
    const queue = new StepQueue();
    const pending: Step[] = [];
    let order = 0;
    const schedule = (when: number) => {
      const step = { when, order: order++, run: () => undefined };
      queue.push(step);
      pending.push(step);
    };
    // Few distinct instants, so ties are common and their order matters.
    for (let i = 0; i < 500; i++) schedule(Math.floor(rng.next() * 40));
    const taken: number[] = [];
    while (pending.length > 0) {
      const expected = scanEarliest(pending);
      const got = queue.pop();
      expect(got).toBe(expected);
      taken.push(got!.order);
      // A step may schedule later steps (at or after its own instant), as the year's parts do.
      if (rng.next() < 0.3) schedule(expected.when + Math.floor(rng.next() * 10));
    }
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    expect(taken.length).toBeGreaterThan(500);
  });
});
