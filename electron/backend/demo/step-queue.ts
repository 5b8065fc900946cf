/**
 * The demo year's pending steps, earliest first (ties in the order scheduled): a binary min-heap,
 * so a big street's tens of thousands of steps are not scanned whole for each one taken.
 */

export interface Step {
  when: number;
  /** Unique and increasing as steps are scheduled: breaks ties between steps at one instant. */
  order: number;
  run: () => void;
}

const before = (a: Step, b: Step): boolean => a.when < b.when || (a.when === b.when && a.order < b.order);

export class StepQueue {
  private readonly heap: Step[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(step: Step): void {
    const heap = this.heap;
    let i = heap.push(step) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(step, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = step;
  }

  /** The earliest step, taken out; undefined when none is left. */
  pop(): Step | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
