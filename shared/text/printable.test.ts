import { expect, test } from 'vitest';
import { printable, printableJson } from './printable';

test('terminal escapes, bidi overrides and zero-width characters print as visible escapes', () => {
  expect(printable('\u001b[2J\u001b[31m被盗电脑\u202e')).toBe('\\u{1b}[2J\\u{1b}[31m被盗电脑\\u{202e}');
  expect(printable('a\u200bb\u0000c\u009bd\r\n')).toBe('a\\u{200b}b\\u{0}c\\u{9b}d\\u{d}\\u{a}');
  expect(printable('C:\\u{1b}')).toBe('C:\\\\u{1b}');
  expect(printable('张贵庄街道 1号机')).toBe('张贵庄街道 1号机');
  expect(printable(null)).toBe('');
});

test('what the audit log keeps: NUL and bidi controls escaped, a note keeps its line breaks and backslashes', () => {
  expect(printableJson({ before: { name: '坏\u0000名\u202e', note: '第一行\n第二行 C:\\data' }, fields: ['name'] })).toEqual({
    before: { name: '坏\\u{0}名\\u{202e}', note: '第一行\n第二行 C:\\data' },
    fields: ['name'],
  });
});
