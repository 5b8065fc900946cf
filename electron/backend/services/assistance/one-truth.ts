/**
 * The start-up migration to one truth (issue 18): before, a household's programmes were tags in
 * `households.categories`. Once per database (a local_meta flag), a household tagged with a programme
 * it holds no enrolment for gets an imported one (imported.ts: derived ids, so two PCs of a street
 * migrating the same data converge), one with an enrolment keeps it untouched, and programme codes
 * leave the tag column. Every row goes through the store's write path, so the server receives it.
 * What changed is audited and kept for the 系统管理 page.
 */
import { PROGRAMME_CATEGORIES, isProgrammeCategory, situationTags, type ProgrammeCategory } from '../../../../shared/assistance/programme-categories';
import type { OneTruthReport } from '../../../../shared/assistance/types';
import { ASSISTANCE_CATEGORIES, labelOf } from '../../../../shared/codes';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import type { Store } from '../../store/store';
import { systemActor } from '../setup/street';
import { importProgrammes } from './imported';

export const ONE_TRUTH_META = 'one_truth_migration';

function tagsOf(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Runs the migration once; returns its report, or null when it had run before (or the PC has no street yet). */
export function migrateProgrammeTags(store: Store): OneTruthReport | null {
  if (store.getMeta(ONE_TRUTH_META) !== null) return null;
  const street = store.getMeta('street_code');
  if (!street || street === DISTRICT_PARTITION) return null;
  // A PC whose street's data has not arrived yet (enrolled, before its first sync) looks again next start.
  if (!store.prepare('SELECT 1 FROM households WHERE street_code = ? LIMIT 1').get(street)) return null;
  const actor = systemActor(street);
  return store.tx(() => {
    const marks = PROGRAMME_CATEGORIES.map(() => '?').join(',');
    const rows = store
      .prepare(
        `SELECT id, categories, status FROM households WHERE street_code = ? AND deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM json_each(categories) WHERE value IN (${marks}))`,
      )
      .all(street, ...PROGRAMME_CATEGORIES) as { id: string; categories: string; status: string }[];
    const enrolled = Object.fromEntries(PROGRAMME_CATEGORIES.map((p) => [p, 0])) as Record<ProgrammeCategory, number>;
    let kept = 0;
    for (const h of rows) {
      const tags = tagsOf(h.categories);
      const programmes = tags.filter(isProgrammeCategory);
      // A household that has left the registry (已退出) is not enrolled by its old tags.
      const created = h.status === 'exited' ? [] : importProgrammes(store, actor, h.id, programmes);
      for (const p of created) enrolled[p as ProgrammeCategory]++;
      kept += programmes.length - created.length;
      store.update('households', h.id, { categories: situationTags(tags) }, actor, null);
    }
    const report: OneTruthReport = { at: store.nowIso(), households: rows.length, enrolled, kept };
    store.setMeta(ONE_TRUTH_META, JSON.stringify(report));
    if (rows.length === 0) return report; // nothing to say: no audit event
    const parts = PROGRAMME_CATEGORIES.filter((p) => enrolled[p] > 0).map((p) => `${labelOf(ASSISTANCE_CATEGORIES, p)} ${enrolled[p]} 户`);
    store.audit(actor, {
      action: 'assistance.oneTruthMigration',
      entity: 'enrolments',
      entityId: null,
      summary: `救助类别迁移：${rows.length} 户的救助项目改由保障记录确定；新建导入在保记录：${parts.join('、') || '无'}；已有保障记录保持不变 ${kept} 项`,
      detail: report,
    });
    return report;
  });
}

/** The migration's report for the 系统管理 page, or null before it has run. */
export function oneTruthReport(store: Store): OneTruthReport | null {
  const v = store.getMeta(ONE_TRUTH_META);
  return v ? (JSON.parse(v) as OneTruthReport) : null;
}
