/**
 * Seals secrets kept in local_meta (the district device token) with the operating system's key store
 * when the shell provides one (Electron safeStorage: DPAPI on Windows, the keyring on Linux). The
 * backend never imports Electron: the shell passes a SecretBox in. Without one (browser mode, tests)
 * values are stored as they are; a value sealed on another PC or user account cannot be opened.
 */
export interface SecretBox {
  /** 'os' when sealing with the OS key store, 'none' when values are kept as they are. */
  readonly kind: 'os' | 'none';
  seal(plain: string): string;
  /** The plain value, or null when it cannot be opened here. */
  open(sealed: string): string | null;
}

const SEALED = 'sealed:';

export const PLAIN_BOX: SecretBox = {
  kind: 'none',
  seal: (plain) => plain,
  open: (stored) => (stored.startsWith(SEALED) ? null : stored),
};

/** A SecretBox over byte encryption (e.g. safeStorage.encryptString / decryptString). */
export function osSecretBox(encrypt: (plain: string) => Uint8Array, decrypt: (sealed: Uint8Array) => string): SecretBox {
  return {
    kind: 'os',
    seal: (plain) => SEALED + Buffer.from(encrypt(plain)).toString('base64'),
    open: (stored) => {
      // Values stored before sealing existed are read as they are and sealed on their next write.
      if (!stored.startsWith(SEALED)) return stored;
      try {
        return decrypt(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch {
        return null;
      }
    },
  };
}
