/**
 * Child process of the kill -9 test of the upgrade of a plain database (encryption.test.ts): opens
 * the data folder as the app does at start, which encrypts its plain file, saying on stdout when it
 * starts and after each step, for the parent to kill it at some point. Each step lingers a little
 * so that kills also land between steps.
 *
 *   tsx electron/backend/db/testing/encrypt-child.ts <dataDir>
 */
import { openStreetDatabase } from '../street-database';

const [dataDir] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
process.stdout.write('start\n');
const db = openStreetDatabase(dataDir!, {
  onEncryptStep: (step) => {
    process.stdout.write(`step ${step}\n`);
    Atomics.wait(pause, 0, 0, 15);
  },
});
process.stdout.write('done\n');
db.close();
