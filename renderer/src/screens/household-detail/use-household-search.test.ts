import { describe, expect, it } from 'vitest';
import { householdOptions } from './use-household-search';

describe('householdOptions', () => {
  it('gives one option per household and leaves out the current one', () => {
    const options = householdOptions(
      [
        { kind: 'person', householdId: 'a', personId: '1', title: '张三', subtitle: '詹滨西里1号' },
        { kind: 'person', householdId: 'a', personId: '2', title: '张四', subtitle: '詹滨西里1号' },
        { kind: 'household', householdId: 'b', title: '李五家', subtitle: '' },
        { kind: 'person', householdId: 'self', personId: '3', title: '王六', subtitle: 'x' },
      ],
      'self',
    );
    expect(options).toEqual([
      { value: 'a', label: '张三（詹滨西里1号）' },
      { value: 'b', label: '李五家' },
    ]);
  });
});
