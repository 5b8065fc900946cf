/**
 * Fast validation of the two large answers of the sync API, snapshot and pull pages: the same rules
 * as their zod schemas (wire.ts), checked by hand with the field names and clocks already seen
 * remembered, because zod costs more than everything else on the client side of a bootstrap
 * (bench sync-bootstrap: 0.9 s of CPU per 17,000 rows). Anything that does not pass goes through
 * the zod schema, which then throws its usual detailed error; what passes is returned as parsed.
 */
import {
  HLC_RE,
  PullResponseSchema,
  SnapshotResponseSchema,
  type PullResponse,
  type SnapshotResponse,
} from './wire';

const IDENT_RE = /^[a-z][a-z0-9_]{0,62}$/;
const PARTITION_RE = /^(district|\d{9}(\d{3})?)$/;
const CACHE_LIMIT = 10_000;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when v has exactly these own keys (a strict object), the optional ones possibly missing. */
function exactKeys(v: Obj, required: readonly string[], optional: readonly string[] = []): boolean {
  let n = 0;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) return false;
    if (!required.includes(k) && !optional.includes(k)) return false;
    n++;
  }
  for (const k of required) if (!(k in v)) return false;
  return n >= required.length;
}

class Checker {
  private readonly idents = new Set<string>();
  private readonly partitions = new Set<string>();
  private lastHlc = '';

  ident(s: unknown): boolean {
    if (typeof s !== 'string') return false;
    if (this.idents.has(s)) return true;
    if (!IDENT_RE.test(s)) return false;
    if (this.idents.size < CACHE_LIMIT) this.idents.add(s);
    return true;
  }

  partition(s: unknown): boolean {
    if (typeof s !== 'string') return false;
    if (this.partitions.has(s)) return true;
    if (!PARTITION_RE.test(s)) return false;
    if (this.partitions.size < CACHE_LIMIT) this.partitions.add(s);
    return true;
  }

  hlc(s: unknown): boolean {
    if (typeof s !== 'string') return false;
    if (s === this.lastHlc) return true;
    if (!HLC_RE.test(s)) return false;
    this.lastHlc = s;
    return true;
  }

  /** record(ident, string | number | null) */
  fields(v: unknown): boolean {
    if (!isObject(v)) return false;
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k) || !this.ident(k)) return false;
      const x = v[k];
      if (x !== null && typeof x !== 'string' && !(typeof x === 'number' && Number.isFinite(x))) return false;
    }
    return true;
  }

  /** record(ident, hlc) */
  clocks(v: unknown): boolean {
    if (!isObject(v)) return false;
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k) || !this.ident(k) || !this.hlc(v[k])) return false;
    }
    return true;
  }
}

const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);

function snapshotOk(v: unknown): boolean {
  if (!isObject(v) || !exactKeys(v, ['rows', 'next', 'cursor', 'serverTime'])) return false;
  if (!Array.isArray(v.rows) || !(v.next === null || typeof v.next === 'string') || !isInt(v.cursor) || typeof v.serverTime !== 'string') return false;
  const c = new Checker();
  for (const r of v.rows as unknown[]) {
    if (!isObject(r)) return false;
    const oneClock = 'clock' in r;
    if (!exactKeys(r, ['table', 'rowId', 'partition', 'fields', oneClock ? 'clock' : 'clocks'])) return false;
    if (!c.ident(r.table) || typeof r.rowId !== 'string' || !c.partition(r.partition) || !c.fields(r.fields)) return false;
    if (oneClock ? !c.hlc(r.clock) : !c.clocks(r.clocks)) return false;
  }
  return true;
}

function pullOk(v: unknown): boolean {
  if (!isObject(v) || !exactKeys(v, ['changes', 'cursor', 'hasMore', 'serverTime'])) return false;
  if (!Array.isArray(v.changes) || !isInt(v.cursor) || typeof v.hasMore !== 'boolean' || typeof v.serverTime !== 'string') return false;
  const c = new Checker();
  for (const ch of v.changes as unknown[]) {
    if (!isObject(ch) || !exactKeys(ch, ['seq', 'hlc', 'node', 'table', 'rowId', 'partition', 'fields'])) return false;
    if (!isInt(ch.seq) || !c.hlc(ch.hlc) || !c.ident(ch.table) || !c.partition(ch.partition) || !c.fields(ch.fields)) return false;
    if (typeof ch.node !== 'string' || ch.node.length < 1 || ch.node.length > 64) return false;
    if (typeof ch.rowId !== 'string' || ch.rowId.length < 1 || ch.rowId.length > 64) return false;
  }
  return true;
}

export const FastSnapshotResponse = {
  parse: (v: unknown): SnapshotResponse => (snapshotOk(v) ? (v as SnapshotResponse) : SnapshotResponseSchema.parse(v)),
};

export const FastPullResponse = {
  parse: (v: unknown): PullResponse => (pullOk(v) ? (v as PullResponse) : PullResponseSchema.parse(v)),
};
