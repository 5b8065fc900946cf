/** Effective-dated policy parameters. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** Effective-dated policy figures; district-wide rows use partition 'district'. */
export const policyParams = sqliteTable(
  'policy_params',
  {
    ...syncedColumns,
    streetCode: text('street_code').notNull(),
    key: text('key').notNull(),
    /** JSON value: integer fen, a count, a list… as the key defines. */
    value: text('value', { mode: 'json' }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    note: text('note'),
  },
  (t) => [index('policy_params_key_idx').on(t.key, t.effectiveFrom)],
);
