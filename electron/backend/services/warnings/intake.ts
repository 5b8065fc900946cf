/**
 * Department-data intake on a street PC (issue 17): the file's hash (the same file twice is
 * refused, naming when and by whom), the commit of a checked preview in one transaction (all or
 * nothing, giving other calls a turn: Store.txYielding), and the list of imports. A death row of a
 * person not yet recorded dead records the death through registry/deaths.ts (应退尽退 follows).
 *
 * At the district (a district PC, whose replica holds every street): the import record is one,
 * district-wide, in the district partition (file, period and counts, no person in it), so every
 * street's PC receives it and lists it; each department record, 线索 and warning goes to the
 * partition of the street it belongs to, so sync brings a street only its own. The same file is
 * refused at the district when any street or the district imported it, and at a street when it or
 * the district did.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { nameId } from '../../../../shared/crypto/name-id';
import { departmentRecordIdOf } from '../../../../shared/warnings/ids';
import type { DepartmentImportResult, DepartmentImportSummary } from '../../../../shared/warnings/procedures';
import { DEPARTMENT_SOURCE_LABELS, type DepartmentSource } from '../../../../shared/warnings/types';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { shanghaiDate, shanghaiMinute } from '../../../../shared/time/shanghai';
import type { Actor, Store } from '../../store/store';
import { runWithTurns } from '../../store/turns';
import { deathWithdrawn, recordDeath } from '../registry/deaths';
import { clueDescription, type DepartmentPlan, type Period } from './intake-check';
import { raiseWarningsFor } from './raise';
import { ledgerNumber } from '../ledger/numbers';

export interface PendingDepartmentImport {
  userId: string;
  userName: string;
  /** The importing street, or DISTRICT_PARTITION for the district's import. */
  streetCode: string;
  source: DepartmentSource;
  fileName: string;
  fileSha256: string;
  period: Period;
  plan: DepartmentPlan;
}

export function fileSha256(base64: string): string {
  return createHash('sha256').update(Buffer.from(base64.replace(/\s+/g, ''), 'base64')).digest('hex');
}

/** The imports a scope sees: a street its own and the district's; the district every one. */
function importsOf(scope: string): { where: string; params: string[] } {
  return scope === DISTRICT_PARTITION ? { where: '', params: [] } : { where: 'AND street_code IN (?, ?)', params: [scope, DISTRICT_PARTITION] };
}

/**
 * Refuses a file imported before where it would count twice: by this street or the district (also
 * on another PC and synced); at the district, by any street or the district.
 */
export function assertFileNew(store: Store, scope: string, sha256: string): void {
  const seen = importsOf(scope);
  const prev = store
    .prepare(
      `SELECT source, file_name, imported_at, imported_by_name, street_code, (SELECT name FROM streets s WHERE s.code = i.street_code) AS street_name
       FROM department_imports i WHERE file_sha256 = ? ${seen.where} AND deleted_at IS NULL ORDER BY imported_at LIMIT 1`,
    )
    .get(sha256, ...seen.params) as
    | { source: DepartmentSource; file_name: string; imported_at: string; imported_by_name: string; street_code: string; street_name: string | null }
    | undefined;
  if (prev) {
    const where = prev.street_code === DISTRICT_PARTITION ? '在区级' : prev.street_code === scope ? '' : `在${prev.street_name ?? prev.street_code}`;
    throw new AppError(
      'import-duplicate-file',
      `该文件已于 ${shanghaiMinute(prev.imported_at)} 由 ${prev.imported_by_name} ${where}导入过（${DEPARTMENT_SOURCE_LABELS[prev.source]}，文件名“${prev.file_name}”），不能重复导入`,
      { field: 'base64' },
    );
  }
}

export const departmentImportIdOf = (streetCode: string, sha256: string) => nameId(`department-import/${streetCode}/${sha256}`);

/** Department records written per step (one bulk write; a turn for other calls between steps). */
const RECORDS_PER_STEP = 500;

function* commitSteps(store: Store, actor: Actor, p: PendingDepartmentImport): Generator<number, DepartmentImportResult> {
  const { plan } = p;
  const importId = departmentImportIdOf(p.streetCode, p.fileSha256);
  const now = store.nowIso();
  store.insert(
    'department_imports',
    {
      id: importId,
      streetCode: p.streetCode,
      source: p.source,
      fileName: p.fileName,
      fileSha256: p.fileSha256,
      periodStartOn: p.period.startOn,
      periodEndOn: p.period.endOn,
      rowCount: plan.totalRows,
      matchedCount: plan.records.length,
      unmatchedCount: plan.unmatched,
      importedAt: now,
      importedBy: p.userId,
      importedByName: p.userName,
    },
    actor,
    null,
  );
  // The records in chunks (the bulk write path, store/bulk-insert.ts), a turn between chunks. A death
  // the registry does not know yet is recorded as staff would (应退尽退 in the same transaction); one
  // already recorded is kept as it is, the department's row kept beside it.
  let deaths = 0;
  for (let from = 0; from < plan.records.length; from += RECORDS_PER_STEP) {
    const chunk = plan.records.slice(from, from + RECORDS_PER_STEP);
    store.insertMany(
      'department_records',
      chunk.map((r) => ({
        id: departmentRecordIdOf(p.fileSha256, r.row),
        streetCode: r.streetCode,
        importId,
        source: p.source,
        personId: r.personId,
        householdId: r.householdId,
        idNumber: r.idNumber,
        startOn: r.startOn,
        endOn: r.endOn,
        facts: r.facts,
      })),
    );
    for (const [k, r] of chunk.entries()) {
      // A death staff withdrew (recorded on the wrong person) is not recorded again from a department's row of that date.
      if (p.source !== 'death' || r.diedOn !== null || deathWithdrawn(store, r.personId, r.startOn)) continue;
      recordDeath(store, { ...actor, streetCode: r.streetCode }, { personId: r.personId, diedOn: r.startOn, note: `据${DEPARTMENT_SOURCE_LABELS.death}数据“${p.fileName}”第${r.row}行` });
      deaths++;
      yield from + k; // a death stops many things: a turn after each
    }
    yield from + chunk.length;
  }
  const today = shanghaiDate(store.nowDate());
  const base = (store.prepare('SELECT count(*) AS n FROM ledger_clue_inbox WHERE item_no LIKE ?').get(`XS-${today.replace(/-/g, '')}-%`) as { n: number }).n;
  store.insertMany(
    'ledger_clue_inbox',
    plan.clues.map((c, i) => ({
      id: nameId(`department-clue/${c.streetCode}/${p.fileSha256}/${c.row}`),
      streetCode: c.streetCode,
      itemNo: ledgerNumber('XS', today, base + i + 1, store.nodeId),
      externalId: `${p.fileSha256.slice(0, 16)}#${c.row}`,
      source: 'department-data',
      sender: `${DEPARTMENT_SOURCE_LABELS[p.source]}：${p.fileName}`.slice(0, 200),
      name: c.name,
      idNumber: c.idNumber,
      phone: null,
      address: c.address,
      communityName: c.communityName,
      communityId: c.communityId,
      category: p.source === 'medical' ? 'medical' : p.source === 'unemployment' ? 'employment' : 'living',
      urgency: '2',
      description: clueDescription(p.source, c),
      receivedAt: now,
      dueAt: null,
      status: 'pending',
    })),
  );
  // the warning rules over the matched persons' records (this file's and those before it)
  const warningsRaised = raiseWarningsFor(store, [...new Set(plan.records.map((r) => r.personId))], actor).raised;
  store.audit(actor, {
    action: 'warnings.import',
    entity: 'department_imports',
    entityId: importId,
    summary: `导入${DEPARTMENT_SOURCE_LABELS[p.source]}数据“${p.fileName}”（${p.period.startOn} 至 ${p.period.endOn}）：共${plan.totalRows}行，匹配${plan.records.length}人，未匹配${plan.unmatched}行，线索${plan.clues.length}条${deaths ? `，登记死亡${deaths}人` : ''}`,
    detail: { source: p.source, fileName: p.fileName, fileSha256: p.fileSha256, rows: plan.totalRows, matched: plan.records.length, unmatched: plan.unmatched, clues: plan.clues.length, deaths },
  });
  return { importId, recordsStored: plan.records.length, cluesRaised: plan.clues.length, warningsRaised };
}

export async function commitDepartmentImport(
  store: Store,
  actor: Actor,
  pending: PendingDepartmentImport,
  onProgress?: (done: number, total: number) => void,
): Promise<DepartmentImportResult> {
  if (pending.streetCode !== actor.streetCode) throw new AppError('forbidden', '该导入批次不属于当前街道，请重新上传文件');
  if (pending.plan.errors.length > 0) {
    throw new AppError('import-invalid', `文件有${pending.plan.errors.length}处错误，没有写入任何数据：请改正后重新上传预览`, { field: 'previewId' });
  }
  const total = pending.plan.records.length;
  return store.txYielding(async () => {
    assertFileNew(store, pending.streetCode, pending.fileSha256); // imported meanwhile (another tab, or synced)
    return runWithTurns(commitSteps(store, actor, pending), (done) => onProgress?.(done, total));
  });
}

interface ImportRow {
  id: string;
  source: DepartmentSource;
  file_name: string;
  period_start_on: string;
  period_end_on: string;
  row_count: number;
  matched_count: number;
  unmatched_count: number;
  imported_at: string;
  imported_by_name: string;
}

/** A street's imports and the district's; at the district (scope DISTRICT_PARTITION) every one. */
export function listDepartmentImports(store: Store, scope: string, source?: DepartmentSource): DepartmentImportSummary[] {
  const seen = importsOf(scope);
  const rows = store
    .prepare(
      `SELECT id, source, file_name, period_start_on, period_end_on, row_count, matched_count, unmatched_count, imported_at, imported_by_name
       FROM department_imports WHERE deleted_at IS NULL ${seen.where} ${source ? 'AND source = ?' : ''}
       ORDER BY imported_at DESC, id LIMIT 500`,
    )
    .all(...seen.params, ...(source ? [source] : [])) as ImportRow[];
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    fileName: r.file_name,
    periodStartOn: r.period_start_on,
    periodEndOn: r.period_end_on,
    rowCount: r.row_count,
    matchedCount: r.matched_count,
    unmatchedCount: r.unmatched_count,
    importedAt: r.imported_at,
    importedByName: r.imported_by_name,
  }));
}
