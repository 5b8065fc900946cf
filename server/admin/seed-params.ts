/**
 * Default policy parameters authored by the district server, so that an office PC enrolled empty has
 * the figures its rules need: district-wide ones once (partition 'district'), and a street's own
 * defaults (screening cadence, urgency limits, holiday calendar, …) with the street. The same dated
 * data a stand-alone PC seeds at set-up (shared/policy/defaults.ts); values already there are kept.
 */
import type { ServerDb } from '../db/open';
import { authorChange, findRows } from './author';
import { PARAM_DEFAULTS, type ParamDefault } from '../../shared/policy/defaults';
import { SCREENING_LEDGER_DEFAULTS } from '../../shared/screening/policy-defaults';
import { paramSpec } from '../../shared/policy/catalog';
import { DISTRICT_PARTITION } from '../../shared/sync/wire';
import { uuidv7 } from '../../shared/uuid';

async function seed(db: ServerDb, now: Date, partition: string, defaults: readonly ParamDefault[]): Promise<number> {
  const have = new Set(
    (await findRows(db, 'policy_params'))
      .filter((r) => r.partition === partition && r.fields.deleted_at == null)
      .map((r) => `${String(r.fields.key)}@${String(r.fields.effective_from)}`),
  );
  let n = 0;
  for (const d of defaults) {
    if (have.has(`${d.key}@${d.effectiveFrom}`)) continue;
    const id = uuidv7(now.getTime());
    const at = now.toISOString();
    await authorChange(db, now, {
      table: 'policy_params',
      rowId: id,
      partition,
      fields: { id, created_at: at, updated_at: at, deleted_at: null, street_code: partition, key: d.key, value: JSON.stringify(d.value), effective_from: d.effectiveFrom, note: d.note },
    });
    n++;
  }
  return n;
}

export function seedDistrictParams(db: ServerDb, now: Date): Promise<number> {
  return seed(db, now, DISTRICT_PARTITION, PARAM_DEFAULTS.filter((d) => paramSpec(d.key)?.scope !== 'street'));
}

export function seedStreetParams(db: ServerDb, now: Date, streetCode: string): Promise<number> {
  const own = PARAM_DEFAULTS.filter((d) => paramSpec(d.key)?.scope === 'street');
  return seed(db, now, streetCode, [...own, ...SCREENING_LEDGER_DEFAULTS]);
}
