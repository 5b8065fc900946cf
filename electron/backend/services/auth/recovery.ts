/**
 * Recovery for an administrator locked out of this PC (five wrong passwords, by them or by anyone):
 * run on the PC itself by someone with access to the data folder (README, “锁定的管理员”). It clears
 * the local sign-in throttle of the active administrators; it changes no synced row, so it is safe
 * while the app is running and needs no password.
 */
import path from 'node:path';
import { connectStreetDatabase } from '../../db/street-database';

const ADMIN_ROLES = ['street-admin', 'district-admin'];

/** Unlocks every active administrator of the database in `dataDir`; returns their user names. */
export function unlockAdmins(dataDir: string, key?: Uint8Array): string[] {
  const db = connectStreetDatabase(dataDir, { key });
  try {
    db.pragma('busy_timeout = 5000');
    const admins = db
      .prepare(
        `SELECT username FROM users WHERE deleted_at IS NULL AND disabled = 0
           AND role IN (${ADMIN_ROLES.map(() => '?').join(', ')}) ORDER BY username`,
      )
      .all(...ADMIN_ROLES) as { username: string }[];
    const clear = db.prepare('DELETE FROM login_attempts WHERE username = ?');
    db.transaction(() => admins.forEach((a) => clear.run(a.username.toLowerCase())))();
    return admins.map((a) => a.username);
  } finally {
    db.close();
  }
}
