/**
 * Child process of the "backup while writes go on" test: writes pairs of rows (one transaction
 * each) into a probe table until killed, saying "writing" after its first commit.
 *
 *   tsx electron/backend/services/backup/testing/writer-child.ts <dbFile> <keyHex|->
 */
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey } from '../../../db/cipher';

const [file, keyHex] = process.argv.slice(2);
const db = new CipherDatabase(file!);
if (keyHex && keyHex !== '-') applyDatabaseKey(db, Buffer.from(keyHex, 'hex'));
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO backup_probe (n, half) VALUES (?, ?)');
const pair = db.transaction((n: number) => {
  insert.run(n, 0);
  insert.run(n, 1);
});
let n = (db.prepare('SELECT coalesce(max(n), 0) FROM backup_probe').pluck().get() as number) + 1;
pair(n++);
process.stdout.write('writing\n');
for (;;) pair(n++);
