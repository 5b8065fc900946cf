/**
 * scrypt password hashes: "scrypt$N$r$p$salt$hash" (base64). Each hash carries its parameters, so
 * hashes made with older (weaker) ones still verify and are replaced at the next sign-in (needsRehash).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** N = 2^15, r = 8: 32 MiB and about 70 ms per hash on an office PC. */
export const SCRYPT_N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
/** Bounds for parameters read from a stored hash (a synced row must not make us spend unbounded memory). */
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

let runs = 0;
/** How many times the KDF ran in this process (tests observe that every sign-in does the same work). */
export function kdfRuns(): number {
  return runs;
}

function derive(password: string, salt: Buffer, keylen: number, N: number, r: number, p: number): Buffer {
  runs++;
  // Node's default maxmem (32 MiB) is just below what N = 2^15, r = 8 needs.
  return scryptSync(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 });
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = derive(password, salt, KEYLEN, SCRYPT_N, R, P);
  return `scrypt$${SCRYPT_N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const ok =
    Number.isInteger(N) && N >= 2 && N <= MAX_N && (N & (N - 1)) === 0 &&
    Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P;
  const hash = Buffer.from(parts[5]!, 'base64');
  if (!ok || hash.length < 16 || hash.length > 64) return null;
  return { N, r, p, salt: Buffer.from(parts[4]!, 'base64'), hash };
}

export function verifyPassword(password: string, stored: string): boolean {
  const h = parse(stored);
  if (!h) return false;
  const actual = derive(password, h.salt, h.hash.length, h.N, h.r, h.p);
  return timingSafeEqual(actual, h.hash);
}

/** True when a stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.N < SCRYPT_N || h.r < R || h.p < P;
}

/**
 * A hash no password matches (of 32 random bytes, since discarded), with today's parameters: sign-in
 * verifies an unknown user name against it, so the answer takes as long as for a wrong password and
 * does not tell which names exist. Made once, in advance: making it on first use would itself be
 * extra work. Change it with SCRYPT_N (a test checks that it needs no re-hash).
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$30n6+s/jPkW1vrOf319g5A==$KUM/GW+u3YxtsvgtaCM6pnTBeMzfTgw1/aTCvhO7U0E=';
