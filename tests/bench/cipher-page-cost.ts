/**
 * Part `pages` of bench encryption-overhead: what one 4 KiB page costs the cipher, apart from
 * everything else. The same rows written into a plain and an encrypted file (db/cipher.ts keying)
 * in one transaction, then read back through a 1 MiB cache so every page comes from the file
 * again; CPU µs per page, the plain figure subtracted: enciphered on write and deciphered on read,
 * for the current scheme (AEGIS-256) and, beside it, the SQLCipher 4 scheme of earlier versions
 * (AES-256-CBC + HMAC-SHA512), which files keep until re-enciphered at start. Divide a bootstrap's
 * extra CPU by these to see how many cipher operations it made per page of its file.
 *
 * Both use AES-NI where the CPU has it: the amalgamation (deps/sqlite3/sqlite3.c) leaves the
 * hardware code out only inside `#ifdef __WASM__`; a GCC or Clang build for x86_64 compiles it and
 * chooses it at run time (cpuid). The SQLCipher scheme's HMAC-SHA512 has no hardware help, which is
 * why it cost about 20 µs a page written against about nothing for AEGIS.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyingPragmas, type CipherScheme } from '../../electron/backend/db/cipher';
import { cpuMsSoFar } from './lib';

export interface PageCost {
  pages: number;
  /** CPU µs per page, plain file: written, read. */
  plainWriteUs: number;
  plainReadUs: number;
  /** CPU µs per page the cipher adds: on write (encipher), on read (decipher). */
  encipherUs: number;
  decipherUs: number;
  /** The same for the SQLCipher 4 scheme of earlier versions, for comparison. */
  olderEncipherUs: number;
  olderDecipherUs: number;
  /** The library's own version string (sqlite3mc_version()). */
  version: string;
}

const READ_PASSES = 3;

function oneFile(dir: string, key: Buffer | null, mib: number, scheme?: CipherScheme): { pages: number; writeMs: number; readMs: number; version: string } {
  const file = path.join(dir, key ? `encrypted-${scheme ?? 'current'}.db` : 'plain.db');
  const db = new Database(file);
  try {
    if (key) for (const p of keyingPragmas(key, scheme)) db.pragma(p);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1024'); // 1 MiB: the read passes come from the file
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)');
    const blob = crypto.randomBytes(3000); // one row a page
    const insert = db.prepare('INSERT INTO t (b) VALUES (?)');
    const rows = (mib * 1024 * 1024) / 4096;
    let cpu0 = cpuMsSoFar();
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(blob);
    })();
    const writeMs = cpuMsSoFar() - cpu0;
    const sum = db.prepare('SELECT sum(length(b)) FROM t');
    cpu0 = cpuMsSoFar();
    for (let i = 0; i < READ_PASSES; i++) sum.get();
    const readMs = (cpuMsSoFar() - cpu0) / READ_PASSES;
    const version = String(db.prepare('SELECT sqlite3mc_version()').pluck().get());
    return { pages: db.pragma('page_count', { simple: true }) as number, writeMs, readMs, version };
  } finally {
    db.close();
  }
}

/** Both files twice, the second time counted (the first warms the process up). */
export function measurePageCost(mib = 64): PageCost {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-page-cost-'));
  try {
    const key = crypto.randomBytes(32);
    const run = () => {
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
      return { plain: oneFile(dir, null, mib), encrypted: oneFile(dir, key, mib), older: oneFile(dir, key, mib, 'sqlcipher4') };
    };
    run();
    const { plain, encrypted, older } = run();
    const us = (ms: number, pages: number) => (ms * 1000) / pages;
    return {
      pages: encrypted.pages,
      plainWriteUs: us(plain.writeMs, plain.pages),
      plainReadUs: us(plain.readMs, plain.pages),
      encipherUs: us(encrypted.writeMs, encrypted.pages) - us(plain.writeMs, plain.pages),
      decipherUs: us(encrypted.readMs, encrypted.pages) - us(plain.readMs, plain.pages),
      olderEncipherUs: us(older.writeMs, older.pages) - us(plain.writeMs, plain.pages),
      olderDecipherUs: us(older.readMs, older.pages) - us(plain.readMs, plain.pages),
      version: encrypted.version,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
