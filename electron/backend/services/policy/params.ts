/**
 * Reading and setting effective-dated policy parameters. A value applies from its effective date
 * until the next one; a street's own value overrides the district's on the same key and date.
 * Changes never apply retroactively unless the caller says so with a reason, and are audited.
 */
import { AppError } from '../../../../shared/errors';
import { paramSpec } from '../../../../shared/policy/catalog';
import type { ParamRecord } from '../../../../shared/policy/types';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';

export const DISTRICT_PARTITION = 'district';

export type { ParamRecord };

interface Row {
  id: string;
  key: string;
  value: string;
  effective_from: string;
  street_code: string;
  note: string | null;
  updated_at: string;
}

function toRecord(r: Row): ParamRecord {
  return {
    id: r.id,
    key: r.key,
    value: JSON.parse(r.value) as unknown,
    effectiveFrom: r.effective_from,
    partition: r.street_code,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

/**
 * A key's records that may apply to a street, the one that prevails first: the latest effective
 * date, then the street's own over the district's, then the latest written. paramOn and
 * paramTimeline both read through it, so the precedence rule is in one place.
 */
function paramRecordsSql(onOrBefore: boolean): string {
  return `SELECT * FROM policy_params WHERE key = ? AND deleted_at IS NULL AND street_code IN (?, ?)
      ${onOrBefore ? 'AND effective_from <= ?' : ''}
    ORDER BY effective_from DESC, CASE street_code WHEN ? THEN 0 ELSE 1 END, updated_at DESC`;
}

/** The record in force for a key on a date (YYYY-MM-DD), or null when none has started yet. */
export function paramOn(store: Store, streetCode: string, key: string, onDate: string): ParamRecord | null {
  const row = store.prepare(`${paramRecordsSql(true)} LIMIT 1`).get(key, streetCode, DISTRICT_PARTITION, onDate, streetCode) as Row | undefined;
  return row ? toRecord(row) : null;
}

/**
 * paramOn for many days of one key (a list working out a day per row): the key's records read once,
 * in paramOn's order, and the first one started by the day picked in memory — one statement, not
 * one per distinct day.
 */
export function paramTimeline(store: Store, streetCode: string, key: string): (onDate: string) => ParamRecord | null {
  const records = (store.prepare(paramRecordsSql(false)).all(key, streetCode, DISTRICT_PARTITION, streetCode) as Row[]).map(toRecord);
  return (onDate) => records.find((r) => r.effectiveFrom <= onDate) ?? null;
}

/** The refusal when a figure a rule needs has no value in force on the day, naming the parameter. */
export function missingParam(key: string, onDate: string): AppError {
  const label = paramSpec(key)?.label ?? key;
  return new AppError('not-found', `缺少政策参数“${label}”在 ${onDate} 的取值，请在“救助政策”中设置`, { field: key });
}

/** Like paramOn, but a missing value is an error the user can act on. */
export function requireParamRecord(store: Store, streetCode: string, key: string, onDate: string): ParamRecord {
  const rec = paramOn(store, streetCode, key, onDate);
  if (!rec) throw missingParam(key, onDate);
  return rec;
}

export function requireParam<T>(store: Store, streetCode: string, key: string, onDate: string): T {
  return requireParamRecord(store, streetCode, key, onDate).value as T;
}

/** Every record of a key (or of all keys), newest effective date first. */
export function paramHistory(store: Store, streetCode: string, key?: string): ParamRecord[] {
  const rows = store
    .prepare(
      `SELECT * FROM policy_params WHERE deleted_at IS NULL AND street_code IN (?, ?) AND (? IS NULL OR key = ?)
       ORDER BY key, effective_from DESC, updated_at DESC`,
    )
    .all(streetCode, DISTRICT_PARTITION, key ?? null, key ?? null) as Row[];
  return rows.map(toRecord);
}

export interface SetParamInput {
  key: string;
  value: unknown;
  effectiveFrom: string;
  note?: string | null;
  /** 'district' or the actor's street. */
  partition: string;
  /** Needed to set a value whose date is already past: the reason is recorded. */
  retroactiveReason?: string | null;
}

export function setParam(store: Store, actor: Actor, input: SetParamInput): ParamRecord {
  const spec = paramSpec(input.key);
  if (!spec) throw new AppError('invalid-input', `未知的政策参数：${input.key}`, { field: 'key' });
  const parsed = spec.schema.safeParse(input.value);
  if (!parsed.success) {
    // Schemas with Chinese messages (the agreement template, the calendars) say what is wrong and where.
    const reason = parsed.error.issues.map((i) => i.message).find((m) => /[\u4e00-\u9fff]/.test(m));
    throw new AppError('invalid-input', `“${spec.label}”的取值无效${reason ? `：${reason}` : ''}`, { field: 'value' });
  }
  if (input.partition !== DISTRICT_PARTITION && input.partition !== actor.streetCode) {
    throw new AppError('forbidden', '只能设置本街道或区级的政策参数', { field: 'partition' });
  }
  const today = shanghaiDate(store.nowDate());
  if (input.effectiveFrom < today && !input.retroactiveReason) {
    throw new AppError('invalid-input', `生效日期 ${input.effectiveFrom} 早于今天：追溯调整须填写原因`, {
      field: 'effectiveFrom',
    });
  }
  return store.tx(() => {
    const existing = store
      .prepare('SELECT id FROM policy_params WHERE key = ? AND street_code = ? AND effective_from = ? AND deleted_at IS NULL')
      .get(input.key, input.partition, input.effectiveFrom) as { id: string } | undefined;
    const audit = {
      action: 'policy.setParam',
      summary: `设置政策参数“${spec.label}”，自 ${input.effectiveFrom} 起生效`,
      detail: { key: input.key, value: parsed.data, effectiveFrom: input.effectiveFrom, retroactiveReason: input.retroactiveReason ?? null },
    };
    const fields = { value: parsed.data, note: input.note ?? null };
    let id: string;
    if (existing) {
      store.update('policy_params', existing.id, fields, actor, audit);
      id = existing.id;
    } else {
      id = store.insert(
        'policy_params',
        { ...fields, key: input.key, effectiveFrom: input.effectiveFrom, streetCode: input.partition },
        actor,
        audit,
      );
    }
    return toRecord(store.prepare('SELECT * FROM policy_params WHERE id = ?').get(id) as Row);
  });
}
