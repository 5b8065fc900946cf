import { describe, expect, it } from 'vitest';
import { base64ToBytes, mimeOf } from './download';

describe('download helpers', () => {
  it('decodes base64 into bytes', () => {
    expect(Array.from(base64ToBytes('UEsDBA=='))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
  it('picks the MIME type from the file name', () => {
    expect(mimeOf('家庭台账.xlsx')).toContain('spreadsheetml');
    expect(mimeOf('a.bin')).toBe('application/octet-stream');
  });
});
