/**
 * Credentials a street device never receives: the password hashes of users outside its street
 * (district accounts; other streets' rows are out of its scope anyway). The row still arrives, with
 * a hash that never verifies, so that it stands complete on the PC and nobody signs in with it
 * there. District devices receive every row as it is.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../shared/sync/wire';

/** A password hash no password matches (not of the form scrypt$…). */
export const WITHHELD_HASH = '!';

function withheld(scope: Scope, table: string, partition: string): boolean {
  return scope.kind === 'street' && table === 'users' && partition !== scope.partition;
}

export function withholdCredentials<F extends Record<string, unknown>>(scope: Scope, table: string, partition: string, fields: F): F {
  if (!withheld(scope, table, partition) || !('password_hash' in fields)) return fields;
  return { ...fields, password_hash: WITHHELD_HASH };
}

/** The same as SQL over a sync_rows row aliased `p`: the fields a snapshot page sends. */
export function fieldsSql(scope: Scope): SQL {
  if (scope.kind !== 'street') return sql`p.fields`;
  return sql`CASE WHEN p.table_name = 'users' AND p.partition <> ${scope.partition} AND p.fields->'password_hash' IS NOT NULL
    THEN jsonb_set(p.fields, '{password_hash}', ${JSON.stringify(WITHHELD_HASH)}::jsonb) ELSE p.fields END`;
}
