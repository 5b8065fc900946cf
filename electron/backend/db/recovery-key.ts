/**
 * The recovery key: the database key written for paper. 32 key bytes and 3 check bytes (the start
 * of their SHA-256) in Crockford base32, 56 characters in 14 groups of 4, e.g. `7K2M-…`. Crockford's
 * alphabet has no I, L, O or U; reading accepts lower case, spaces, and I/L as 1 and O as 0, so a key
 * copied by hand from paper still opens the database and its backups on another PC, and a typo is
 * caught by the check bytes instead of failing as a wrong key.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { DATABASE_KEY_BYTES } from './cipher';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
const CHARS = ((DATABASE_KEY_BYTES + CHECK_BYTES) * 8) / 5; // 56

function check(key: Uint8Array): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);
}

export function formatRecoveryKey(key: Uint8Array): string {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`database key must be ${DATABASE_KEY_BYTES} bytes`);
  const bytes = Buffer.concat([Buffer.from(key), check(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

function invalid(): AppError {
  return new AppError('recovery-key-invalid', '恢复密钥不正确：请核对后重新输入', { field: 'recoveryKey' });
}

/** The database key from a recovery key as typed; refuses (`recovery-key-invalid`) a mistyped one. */
export function parseRecoveryKey(text: string): Buffer {
  const chars = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== CHARS) throw invalid();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of chars) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw invalid();
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  const all = Buffer.from(bytes);
  const key = all.subarray(0, DATABASE_KEY_BYTES);
  if (!check(key).equals(all.subarray(DATABASE_KEY_BYTES))) throw invalid();
  return Buffer.from(key);
}
