/**
 * scrypt password hashes: "scrypt$N$r$p$salt$hash" (base64), one implementation for the office PC
 * and the district server. Pure JS (@noble/hashes), so it runs anywhere shared/ does; the format is
 * the one node:crypto's scrypt made before, so every stored hash still verifies. Each hash carries
 * its parameters: hashes made with older (weaker) ones still verify and are replaced at the next
 * sign-in (needsRehash).
 */
import { scrypt } from '@noble/hashes/scrypt';

/** N = 2^15, r = 8: 32 MiB and about 115 ms per hash on an office PC (pure JS). */
export const SCRYPT_N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const SALT_BYTES = 16;
/** Bounds for parameters read from a stored hash (a synced row must not make us spend unbounded memory). */
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

let runs = 0;
/** How many times the KDF ran in this thread (tests observe that every sign-in does the same work). */
export function kdfRuns(): number {
  return runs;
}

function derive(password: string, salt: Uint8Array, dkLen: number, N: number, r: number, p: number): Uint8Array {
  runs++;
  return scrypt(password.normalize('NFKC'), salt, { N, r, p, dkLen, maxmem: 128 * N * r * p + 16 * 1024 * 1024 });
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** Strict base64 (atob refuses anything else), or null. */
function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Compares in time that depends on the lengths only, not on where the bytes differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0);
  return diff === 0;
}

export function hashPassword(password: string): string {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = derive(password, salt, KEYLEN, SCRYPT_N, R, P);
  return `scrypt$${SCRYPT_N}$${R}$${P}$${toBase64(salt)}$${toBase64(hash)}`;
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const ok =
    Number.isInteger(N) && N >= 2 && N <= MAX_N && (N & (N - 1)) === 0 &&
    Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P;
  const salt = fromBase64(parts[4]!);
  const hash = fromBase64(parts[5]!);
  if (!ok || !salt || !hash || hash.length < 16 || hash.length > 64) return null;
  return { N, r, p, salt, hash };
}

export function verifyPassword(password: string, stored: string): boolean {
  const h = parse(stored);
  if (!h) return false;
  return sameBytes(derive(password, h.salt, h.hash.length, h.N, h.r, h.p), h.hash);
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
