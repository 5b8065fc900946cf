import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../app';
import { osSecretBox, PLAIN_BOX } from './secret-box';
import { removeTestDir } from '../testing/remove-dir';

// Stands in for safeStorage: a reversible transform keyed to "this account".
const xor = (key: number) => (s: string | Uint8Array) => Buffer.from(typeof s === 'string' ? Buffer.from(s) : s).map((b) => b ^ key);
const box = (key: number) =>
  osSecretBox(
    (plain) => xor(key)(plain),
    (sealed) => {
      const out = Buffer.from(xor(key)(sealed)).toString();
      if (!/^(tok-|[0-9a-f]{64}$)/.test(out)) throw new Error('cannot decrypt'); // a token, or the database key
      return out;
    },
  );

describe('secrets in local_meta', () => {
  test('are sealed on disk with the OS box and read back; another account cannot open them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-secret-'));
    try {
      const a = createBackend({ dataDir, secrets: box(0x5a), logError: () => undefined });
      a.store.setSecretMeta('sync_token', 'tok-secret-value');
      const raw = a.store.getMeta('sync_token')!;
      expect(raw.startsWith('sealed:')).toBe(true);
      expect(raw).not.toContain('tok-secret-value');
      expect(a.store.getSecretMeta('sync_token')).toBe('tok-secret-value');
      a.close();
      // Another account cannot even open the database: its key is sealed like the token (issue 16).
      const before = fs.readFileSync(path.join(dataDir, 'doudi.sqlite'));
      expect(() => createBackend({ dataDir, secrets: box(0x33), logError: () => undefined })).toThrow(
        expect.objectContaining({ code: 'database-key-unopenable', message: expect.stringContaining('恢复密钥') }),
      );
      // Browser mode on the same folder has no key file beside it: the same refusal, not a new database.
      expect(() => createBackend({ dataDir, logError: () => undefined })).toThrow(expect.objectContaining({ code: 'database-key-missing' }));
      expect(fs.readFileSync(path.join(dataDir, 'doudi.sqlite')).equals(before)).toBe(true);
    } finally {
      removeTestDir(dataDir);
    }
  });

  test('a token stored before sealing existed is still read, and the plain box keeps values as they are', () => {
    expect(box(1).open('tok-old-plain')).toBe('tok-old-plain');
    expect(PLAIN_BOX.seal('x')).toBe('x');
    expect(PLAIN_BOX.open('x')).toBe('x');
  });
});
