import { describe, expect, test } from 'vitest';
import { changedText } from './rejection-text';

describe('refused change in words', () => {
  test('names fields in Chinese, hides bookkeeping columns, counts the rest', () => {
    expect(changedText({ fields: { id: 'x', updated_at: 't', name: '张三', phone: '13800000000' } })).toBe('姓名/名称＝张三；联系电话＝13800000000');
    expect(changedText({ fields: { name: '社区', mystery_column: 1 } })).toBe('姓名/名称＝社区；另有1项');
    expect(changedText({ fields: { deleted_at: '2026-01-01T00:00:00Z' } })).toBe('删除记录');
    expect(changedText({ fields: { note: null } })).toBe('备注＝（空）');
    expect(changedText({ fields: { id: 'x' } })).toBe('（新建记录）');
  });
});
