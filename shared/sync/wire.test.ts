import { describe, expect, test } from 'vitest';
import { ChangeSchema, NodeRenewalRequestSchema, PullQuerySchema, PushQuerySchema, PushRequestSchema, readablePartition, writablePartition } from './wire';
import { SYNC_REASONS, SYNC_REASON_CODES } from './rejections';

const change = {
  hlc: '001790000000000-0000-abcdef0123456789',
  node: 'abcdef0123456789',
  table: 'persons',
  rowId: '0190a1b2-0000-7000-8000-000000000000',
  partition: '120110001000',
  fields: { name: '张三', sort_order: 2, phone: null },
};

describe('sync wire format', () => {
  test('accepts a well-formed change and refuses malformed ones', () => {
    expect(ChangeSchema.parse(change)).toEqual(change);
    expect(ChangeSchema.safeParse({ ...change, hlc: 'soon' }).success).toBe(false);
    expect(ChangeSchema.safeParse({ ...change, table: 'Persons; drop' }).success).toBe(false);
    expect(ChangeSchema.safeParse({ ...change, partition: 'other' }).success).toBe(false);
    expect(ChangeSchema.safeParse({ ...change, fields: { name: { nested: 1 } } }).success).toBe(false);
    expect(ChangeSchema.safeParse({ ...change, extra: 1 }).success).toBe(false);
    expect(PushRequestSchema.safeParse({ changes: Array(1001).fill(change) }).success).toBe(false);
  });

  test('the own-push check and the own pull are optional query parameters, refused in Chinese naming the field', () => {
    expect(PullQuerySchema.parse({ after: '3' })).toEqual({ after: 3, limit: 500 });
    expect(PullQuerySchema.parse({ after: '3', known: change.hlc, node: change.node, own: '1' })).toMatchObject({
      known: change.hlc,
      node: change.node,
      own: '1',
    });
    expect(PushQuerySchema.parse({ known: 'none', node: change.node })).toEqual({ known: 'none', node: change.node });
    expect(PushQuerySchema.parse({})).toEqual({});
    const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
    expect(issue(PushQuerySchema.safeParse({ known: 'yesterday' }))).toContain('参数 known');
    expect(issue(PushQuerySchema.safeParse({ node: 'a b' }))).toContain('参数 node');
    expect(issue(PullQuerySchema.safeParse({ own: 'yes' }))).toContain('参数 own');
    expect(issue(NodeRenewalRequestSchema.safeParse({ node: '' }))).toContain('节点编号 node');
    expect(NodeRenewalRequestSchema.safeParse({ node: change.node, extra: 1 }).success).toBe(false);
  });

  test('reasons are kebab-case with a Chinese message and an action', () => {
    for (const code of SYNC_REASON_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(SYNC_REASONS[code].message).toMatch(/[\u4e00-\u9fff]/);
      expect(SYNC_REASONS[code].action).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('a street device reads its street and district rows, writes only its street', () => {
    const street = { kind: 'street', partition: '120110001000' } as const;
    const district = { kind: 'district', partition: 'district' } as const;
    expect(readablePartition(street, '120110001000')).toBe(true);
    expect(readablePartition(street, 'district')).toBe(true);
    expect(readablePartition(street, '120110002000')).toBe(false);
    expect(writablePartition(street, 'district')).toBe(false);
    expect(writablePartition(street, '120110002000')).toBe(false);
    expect(writablePartition(district, '120110002000')).toBe(true);
    expect(readablePartition(district, '120110002000')).toBe(true);
  });
});
