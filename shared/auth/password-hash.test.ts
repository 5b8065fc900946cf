import { scryptSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DUMMY_HASH, hashPassword, kdfRuns, needsRehash, SCRYPT_N, verifyPassword } from './password-hash';

/** The password of the fixtures: full-width letters, which NFKC turns into ASCII before hashing. */
const PASSWORD = '旧式密码Ｆｉｘｔｕｒｅ-2024';
/** Made by the former Node implementation (node:crypto scryptSync) with today's parameters. */
const NODE_HASH = 'scrypt$32768$8$1$FQWoHeJalS9DEHRuAc4u8g==$53/U8GXcNm7mtMpGrKCfWe+AgAqt/fe6i0tB71Av9Wk=';
/** Made by node:crypto scryptSync with the weaker N = 2^14 of an older release. */
const NODE_WEAK_HASH = 'scrypt$16384$8$1$2otUiZA+CZ8SRnMv/7P8XQ==$4rQXUaJjdIGbK8Bhboy55jUrhJMtZQdFj8Vh/VxRSy4=';

describe('password hashes (scrypt$N$r$p$salt$hash)', () => {
  test('a hash made by the former Node implementation verifies, a wrong password does not', () => {
    expect(verifyPassword(PASSWORD, NODE_HASH)).toBe(true);
    expect(verifyPassword('旧式密码Fixture-2024', NODE_HASH)).toBe(true); // the same after NFKC
    expect(verifyPassword('旧式密码Fixture-2025', NODE_HASH)).toBe(false);
    expect(needsRehash(NODE_HASH)).toBe(false);
  });

  test('a hash with older, weaker parameters verifies and asks for a re-hash', () => {
    expect(verifyPassword(PASSWORD, NODE_WEAK_HASH)).toBe(true);
    expect(needsRehash(NODE_WEAK_HASH)).toBe(true);
  });

  test("a new hash has today's parameters, a fresh salt, and node:crypto derives the same key from it", () => {
    const a = hashPassword('新密码-abc123');
    const b = hashPassword('新密码-abc123');
    const [scheme, n, r, p, salt, hash] = a.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', String(SCRYPT_N), '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    const node = scryptSync('新密码-abc123', Buffer.from(salt!, 'base64'), 32, { N: SCRYPT_N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    expect(node.toString('base64')).toBe(hash);
    expect(verifyPassword('新密码-abc123', a)).toBe(true);
    expect(verifyPassword('新密码-abc124', a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  test('a malformed or unbounded stored hash verifies nothing and runs no KDF', () => {
    const before = kdfRuns();
    for (const stored of [
      '',
      '!',
      'bcrypt$10$x',
      'scrypt$32768$8$1$c2FsdA==',
      'scrypt$3$8$1$c2FsdA==$53/U8GXcNm7mtMpGrKCfWe+AgAqt/fe6i0tB71Av9Wk=',
      'scrypt$2097152$8$1$c2FsdA==$53/U8GXcNm7mtMpGrKCfWe+AgAqt/fe6i0tB71Av9Wk=',
      'scrypt$32768$8$1$c2FsdA==$c2hvcnQ=',
      'scrypt$32768$8$1$c2F@sdA==$53/U8GXcNm7mtMpGrKCfWe+AgAqt/fe6i0tB71Av9Wk=',
    ]) {
      expect(verifyPassword(PASSWORD, stored), stored).toBe(false);
      expect(needsRehash(stored), stored).toBe(true);
    }
    expect(kdfRuns()).toBe(before);
  });

  test('the dummy hash of unknown users has today\'s parameters and matches no password', () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(verifyPassword('', DUMMY_HASH)).toBe(false);
  });
});
