/**
 * The bootstrap's larger page cache (db/open.ts withCacheMiB): raised while it runs, the everyday
 * setting back after it, also when it fails (a page that did not come); a cache already larger is
 * never lowered.
 */
import { describe, expect, test } from 'vitest';
import { openDatabase, withCacheMiB } from './open';

const cacheSize = (db: ReturnType<typeof openDatabase>) => db.sqlite.pragma('cache_size', { simple: true });

describe('the page cache of a bootstrap', () => {
  test('is raised while it runs and put back after, also when it fails', async () => {
    const db = openDatabase(':memory:', { key: null });
    try {
      db.sqlite.pragma('cache_size = -65536');
      await withCacheMiB(db.sqlite, 256, async () => {
        expect(cacheSize(db)).toBe(-256 * 1024);
      });
      expect(cacheSize(db)).toBe(-65536);
      await expect(withCacheMiB(db.sqlite, 256, () => Promise.reject(new Error('页未到达')))).rejects.toThrow('页未到达');
      expect(cacheSize(db)).toBe(-65536);
    } finally {
      db.close();
    }
  });

  test('is never lowered', async () => {
    const db = openDatabase(':memory:', { key: null });
    try {
      db.sqlite.pragma('cache_size = -524288');
      await withCacheMiB(db.sqlite, 256, async () => {
        expect(cacheSize(db)).toBe(-524288);
      });
      expect(cacheSize(db)).toBe(-524288);
    } finally {
      db.close();
    }
  });
});
