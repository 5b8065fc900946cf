import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../app';
import { osSecretBox, PLAIN_BOX } from './secret-box';

// Stands in for safeStorage: a reversible transform keyed to "this account".
const xor = (key: number) => (s: string | Uint8Array) => Buffer.from(typeof s === 'string' ? Buffer.from(s) : s).map((b) => b ^ key);
const box = (key: number) =>
  osSecretBox(
    (plain) => xor(key)(plain),
    (sealed) => {
      const out = Buffer.from(xor(key)(sealed)).toString();
      if (!out.startsWith('tok-')) throw new Error('cannot decrypt');
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
      const other = createBackend({ dataDir, secrets: box(0x33), logError: () => undefined });
      expect(other.store.getSecretMeta('sync_token')).toBeNull();
      other.close();
      const plain = createBackend({ dataDir, logError: () => undefined });
      expect(plain.store.getSecretMeta('sync_token')).toBeNull();
      plain.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a token stored before sealing existed is still read, and the plain box keeps values as they are', () => {
    expect(box(1).open('tok-old-plain')).toBe('tok-old-plain');
    expect(PLAIN_BOX.seal('x')).toBe('x');
    expect(PLAIN_BOX.open('x')).toBe('x');
  });
});
