/**
 * Child process of the kill -9 test of backups: opens a database (keyed when a key is given) and
 * backs it up to a folder, saying on stdout how far the copy got, for the parent to kill it.
 *
 *   tsx electron/backend/services/backup/testing/backup-child.ts <dbFile> <folder> <keyHex|->
 */
import path from 'node:path';
import { BackupService } from '../backups';
import { openDatabase } from '../../../db/open';
import { Store } from '../../../store/store';

const [file, folder, keyHex] = process.argv.slice(2);
const key = keyHex && keyHex !== '-' ? Buffer.from(keyHex, 'hex') : null;
const store = new Store(openDatabase(file!, { key }), { now: () => new Date(Date.UTC(2026, 5, 1, 8)) });
const service = new BackupService({
  dataDir: path.dirname(file!),
  dbFile: file!,
  key,
  store: () => store,
  progress: (p) => process.stdout.write(`progress ${p.done}/${p.total ?? '?'}\n`),
});
const entry = await service.create('manual', folder);
process.stdout.write(`done ${entry.check}\n`);
store.sqlite.close();
