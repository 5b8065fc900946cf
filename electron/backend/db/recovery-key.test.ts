import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';

describe('recovery key', () => {
  it('reads back the key it was written from, as typed by hand from paper', () => {
    for (let i = 0; i < 200; i++) {
      const key = randomBytes(32);
      const text = formatRecoveryKey(key);
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(text).equals(key)).toBe(true);
      const handCopied = text.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
      expect(parseRecoveryKey(handCopied).equals(key)).toBe(true);
    }
  });

  it('refuses a key with one character wrong, missing or extra, naming the field', () => {
    const text = formatRecoveryKey(randomBytes(32));
    const flipped = text.slice(0, 10) + (text[10] === 'A' ? 'B' : 'A') + text.slice(11);
    for (const bad of [flipped, text.slice(0, -1), text + '7', '', 'not a key']) {
      expect(() => parseRecoveryKey(bad)).toThrow(expect.objectContaining({ code: 'recovery-key-invalid', field: 'recoveryKey' }));
    }
  });
});
