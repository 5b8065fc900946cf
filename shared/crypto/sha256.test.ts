import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from './sha256';

const node = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  test('the FIPS 180-4 examples', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test('agrees with node:crypto on every length around the block boundaries and on Chinese text', () => {
    for (let n = 0; n < 200; n++) {
      const s = randomBytes(n).toString('base64').slice(0, n);
      expect(sha256Hex(s)).toBe(node(s));
    }
    for (const s of ['doudi-clue:0193a1b2-0000-7000-8000-000000000001:ledger_items', '东丽区张贵庄街道詹滨西里3号楼', '😀'.repeat(40)]) {
      expect(sha256Hex(s)).toBe(node(s));
    }
  });
});
