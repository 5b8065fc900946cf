import { afterEach, describe, expect, it } from 'vitest';
import { addLeaveGuard, interceptLeave } from './leave-guard';

const removers: (() => void)[] = [];
afterEach(() => removers.splice(0).forEach((r) => r()));

describe('leave guards', () => {
  it('lets a move go when no guard objects', () => {
    removers.push(addLeaveGuard(() => false));
    expect(interceptLeave(() => undefined)).toBe(false);
  });

  it('asks the newest guard first (a modal over a page form), then the next, then moves', () => {
    const asked: string[] = [];
    const pending: (() => void)[] = [];
    const asking = (name: string) => (proceed: () => void) => {
      asked.push(name);
      pending.push(proceed);
      return true;
    };
    removers.push(addLeaveGuard(asking('page')), addLeaveGuard(asking('modal')));
    let moved = 0;
    expect(interceptLeave(() => moved++)).toBe(true);
    expect(asked).toEqual(['modal']);
    pending.shift()!(); // the user leaves the modal's input
    expect(asked).toEqual(['modal', 'page']);
    expect(moved).toBe(0);
    pending.shift()!(); // and the page's
    expect(moved).toBe(1);
  });

  it('a removed guard is not asked', () => {
    const remove = addLeaveGuard(() => true);
    remove();
    expect(interceptLeave(() => undefined)).toBe(false);
  });
});
