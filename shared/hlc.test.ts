import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatHlc, HybridClock, parseHlc } from './hlc';

describe('hybrid logical clock', () => {
  test('string form round-trips and sorts like (millis, counter, node)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            millis: fc.integer({ min: 0, max: 2 ** 47 }),
            counter: fc.integer({ min: 0, max: 0xffff }),
            node: fc.stringMatching(/^[0-9a-f]{16}$/),
          }),
          { minLength: 2, maxLength: 20 },
        ),
        (stamps) => {
          for (const s of stamps) expect(parseHlc(formatHlc(s))).toEqual(s);
          const byText = [...stamps].sort((a, b) => (formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0));
          const byValue = [...stamps].sort(
            (a, b) => a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
          );
          expect(byText.map(formatHlc)).toEqual(byValue.map(formatHlc));
        },
      ),
    );
  });

  test('ticks strictly increase even when the wall clock stands still or goes back', () => {
    const walls = [1000, 1000, 999, 500, 1001, 1001];
    let i = 0;
    const clock = new HybridClock('aaaa', () => walls[Math.min(i++, walls.length - 1)]!);
    const stamps = walls.map(() => clock.tick());
    for (let k = 1; k < stamps.length; k++) expect(stamps[k]! > stamps[k - 1]!).toBe(true);
  });

  test('after receiving a remote stamp, local ticks sort after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (local, remote) => {
        const a = new HybridClock('node-a', () => local);
        const b = new HybridClock('node-b', () => remote);
        const r = b.tick();
        a.receive(r);
        expect(a.tick() > r).toBe(true);
      }),
    );
  });

  test('restores its last stamp so a restarted replica never goes backwards', () => {
    const c1 = new HybridClock('n', () => 5000);
    const last = c1.tick();
    const c2 = new HybridClock('n', () => 4000, last);
    expect(c2.tick() > last).toBe(true);
  });
});

describe('a clock that does not move', () => {
  test('65,536 stamps in one millisecond go on into the next, still in order', () => {
    const clock = new HybridClock('n1', () => 1000);
    let prev = clock.tick();
    for (let i = 0; i < 70_000; i++) {
      const t = clock.tick();
      expect(t > prev).toBe(true);
      prev = t;
    }
    expect(parseHlc(prev).millis).toBe(1001);
  });

  test('a remote stamp with a full counter is followed by a later local one', () => {
    const clock = new HybridClock('n1', () => 1000);
    clock.receive(formatHlc({ millis: 1000, counter: 0xffff, node: 'n2' }));
    const t = clock.tick();
    expect(t > formatHlc({ millis: 1000, counter: 0xffff, node: 'n2' })).toBe(true);
  });
});
