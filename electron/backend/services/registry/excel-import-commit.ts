/**
 * Pending imports and their commit. A preview's valid households wait in an ImportCache (owned
 * by the handlers object, keyed by import id and user) for 30 minutes; the commit creates all of
 * them in one transaction through createHousehold, so either every household lands or none does
 * (a transaction that gives other calls a turn: see commitImport).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { ImportResult } from '../../../../shared/registry/types';
import type { Actor, Store } from '../../store/store';
import { columnOf, IMPORT_COLUMNS, type ColumnKey } from './excel-columns';
import type { PlannedHousehold } from './excel-import';
import { createHousehold } from './households';
import { assertIdNumberFree } from './persons';
import { withSearchIndexDeferredAsync } from '../../store/search-index';
import { runWithTurns } from '../../store/turns';

export interface PendingImport {
  id: string;
  userId: string;
  streetCode: string;
  fileName: string;
  households: PlannedHousehold[];
  persons: number;
  expiresAt: number;
}

export const IMPORT_TTL_MS = 30 * 60_000;
/** Older previews of the same user are dropped beyond this many. */
const MAX_PENDING_PER_USER = 3;

/** Pending previews by id and user; also the department intake's (E: what it keeps of a preview). */
export class ImportCache<E extends { userId: string } = Omit<PendingImport, 'id' | 'expiresAt'>> {
  private readonly entries = new Map<string, E & { id: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs = IMPORT_TTL_MS,
    private readonly field = 'importId',
  ) {}

  private purge(now: number): void {
    for (const [id, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(id);
  }

  put(entry: E, now: number): string {
    this.purge(now);
    const mine = [...this.entries.values()].filter((e) => e.userId === entry.userId).sort((a, b) => a.expiresAt - b.expiresAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_PENDING_PER_USER + 1))) this.entries.delete(old.id);
    const id = randomUUID();
    this.entries.set(id, { ...entry, id, expiresAt: now + this.ttlMs });
    return id;
  }

  /** Removes and returns the user's pending import; another user's id is as unknown as a wrong one. */
  take(userId: string, importId: string, now: number): E & { id: string; expiresAt: number } {
    this.purge(now);
    const e = this.entries.get(importId);
    if (!e || e.userId !== userId) {
      throw new AppError('not-found', '导入批次不存在或已过期（预览后30分钟内有效），请重新上传文件', { field: this.field });
    }
    this.entries.delete(importId);
    return e;
  }

  get size(): number {
    return this.entries.size;
  }
}

const PERSON_FIELDS = new Map(IMPORT_COLUMNS.filter((c) => c.level === 'person').map((c) => [c.key as string, c.key]));
const HOUSEHOLD_FIELDS: Record<string, ColumnKey> = { communityId: 'community', gridId: 'grid', address: 'address' };

/** Row and column of an error field such as "members.1.idNumber" or "household.communityId". */
function whereInFile(h: PlannedHousehold, field: string | undefined): { row: number; column: string } {
  const parts = (field ?? '').split('.');
  if (parts[0] === 'members') {
    const row = h.rows[Number(parts[1])] ?? h.rows[0]!;
    return { row, column: columnOf(PERSON_FIELDS.get(parts[2] ?? '') ?? 'name').header };
  }
  return { row: h.rows[0]!, column: columnOf(HOUSEHOLD_FIELDS[parts[1] ?? ''] ?? 'householdKey').header };
}

function failAt(h: PlannedHousehold, err: unknown): never {
  const constraint = String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_CONSTRAINT');
  if (!(err instanceof AppError) && !constraint) throw err;
  const at = whereInFile(h, err instanceof AppError ? err.field : undefined);
  const why = err instanceof AppError ? err.message : '数据与已有记录冲突';
  throw new AppError(
    err instanceof AppError ? err.code : 'duplicate',
    `导入未完成，没有写入任何数据：第${at.row}行（户编号 ${h.key}，列“${at.column}”）：${why}。请重新上传文件预览`,
    { field: 'importId', details: { row: at.row, column: at.column, householdKey: h.key } },
  );
}

/** The import's steps: one household each, yielding how many are written (rows written, not committed). */
function* importSteps(store: Store, actor: Actor, pending: PendingImport): Generator<number, ImportResult> {
  let done = 0;
  for (const h of pending.households) {
    try {
      // Registered meanwhile by someone else? Checked first so that the error names the row.
      h.input.members.forEach((m, i) => assertIdNumberFree(store, m.idNumber, null, `members.${i}.idNumber`));
      createHousehold(store, actor, h.input, undefined, h.terms);
    } catch (err) {
      failAt(h, err);
    }
    yield ++done;
  }
  store.audit(actor, {
    action: 'registry.import',
    entity: 'households',
    entityId: null,
    summary: `从 Excel 导入家庭 ${pending.households.length} 户、${pending.persons} 人：${pending.fileName}`,
    detail: { fileName: pending.fileName, households: pending.households.length, persons: pending.persons, importId: pending.id },
  });
  return { households: pending.households.length, persons: pending.persons };
}

/**
 * One transaction for the whole import (every household lands or none does), kept open across
 * turns of the event loop so that the backend answers other calls meanwhile (Store.txYielding).
 * `onProgress` hears the households written of all.
 */
export async function commitImport(
  store: Store,
  actor: Actor,
  pending: PendingImport,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  if (pending.streetCode !== actor.streetCode) {
    throw new AppError('forbidden', '该导入批次不属于当前街道，请重新上传文件');
  }
  if (pending.households.length === 0) {
    throw new AppError('invalid-input', '没有可导入的家庭：文件中的家庭都有错误，请改正后重新上传', { field: 'importId' });
  }
  const total = pending.households.length;
  return store.txYielding(() =>
    withSearchIndexDeferredAsync(store, () => runWithTurns(importSteps(store, actor, pending), (done) => onProgress?.(done, total))),
  );
}
