import fs from 'node:fs';

/**
 * Removes a test's data folder. A backend that has just closed may still have a thread finishing
 * a WAL checkpoint or a backup check there (services/backup/vacuum-thread.ts): it can create a
 * `-wal`/`-shm` file while the folder is being removed, and the removal then fails ENOTEMPTY.
 * Retrying (Node retries ENOTEMPTY/EBUSY with a growing delay) removes what the thread left.
 */
export function removeTestDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}
