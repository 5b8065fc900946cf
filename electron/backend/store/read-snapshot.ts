/**
 * A consistent picture of the database for long reads that give other calls turns (the Excel
 * export): a read transaction on a read-only connection of its own. In WAL mode it sees what was
 * committed when it began, however long it lasts, and writes made meanwhile neither wait for it nor
 * show in it; the backend's own connection stays free for the calls served between turns.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { openReadOnly } from '../db/open';
import type { Store } from './store';

export async function withReadSnapshot<T>(store: Store, read: (db: Database.Database) => Promise<T>): Promise<T> {
  const { sqlite, close } = openReadOnly(store.sqlite.name, store.databaseKey);
  try {
    sqlite.exec('BEGIN');
    try {
      return await read(sqlite);
    } finally {
      sqlite.exec('COMMIT');
    }
  } finally {
    close();
  }
}
