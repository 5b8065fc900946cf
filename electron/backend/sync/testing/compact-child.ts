/**
 * Child process of the kill -9 test of the storage migration (compact.test.ts): opens a database
 * file and runs the migration in small chunks, saying on stdout after each chunk how far it got,
 * for the parent to kill it at some point.
 *
 *   tsx electron/backend/sync/testing/compact-child.ts <dbFile> <chunk>
 */
import { openDatabase } from '../../db/open';
import { Store } from '../../store/store';
import { compactStorage } from '../compact';

const [file, chunk] = process.argv.slice(2);
const db = openDatabase(file!, { key: null });
const store = new Store(db, { now: () => new Date(Date.UTC(2026, 5, 1, 8)) });
const result = compactStorage(store, { chunk: Number(chunk), onProgress: (p) => process.stdout.write(`progress ${p.done}/${p.total}\n`) });
process.stdout.write(`done ${JSON.stringify(result)}\n`);
db.close();
