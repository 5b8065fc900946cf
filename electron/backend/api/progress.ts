/**
 * Progress of long work, told to the window as `progress` events: a few dozen steps per job, not one
 * per row (the events cross a thread and reach every window).
 */
import type { ProgressInfo } from '../../../shared/api/events';

export type ProgressSink = (progress: ProgressInfo) => void;

const STEPS = 50;

export interface ProgressReporter {
  step(done: number, total: number | null): void;
  finish(): void;
}

export function progressReporter(sink: ProgressSink, task: string, label: string): ProgressReporter {
  let told = -1;
  let last = { done: 0, total: null as number | null };
  return {
    step(done, total) {
      last = { done, total };
      const at = total ? Math.floor((done / total) * STEPS) : Math.floor(done / 1000);
      if (at === told) return;
      told = at;
      sink({ task, label, done, total, finished: false });
    },
    finish() {
      sink({ task, label, done: last.total ?? last.done, total: last.total, finished: true });
    },
  };
}
