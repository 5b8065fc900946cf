/**
 * Enrolments entered from a street's existing data (issue 18, one truth): a household registered or
 * imported as 低保 / 低保边缘 / 特困 is enrolled at once, `source = 'import'`, in force (已在保（导入）)
 * from its start month, so the month's payment batch includes it the day it is imported; the office
 * then checks it and records 确认导入. The Excel import, the demo street, a household registered with
 * a programme, and the start-up migration of programme tags all come here.
 *
 * Its amount: the 核定月保障金 given with it (a fixed amount, as approved elsewhere before), else what
 * the rules give on the registry's figures: 低保 / 低保边缘 on the household's recorded incomes (the
 * working is kept with the step), 特困 on its standard and the person's self-care level.
 *
 * Ids derive from street, household, programme and person, so two PCs that import or migrate the
 * same household write the same rows and converge on one enrolment.
 */
import { AppError } from '../../../../shared/errors';
import { HOUSEHOLD_PROGRAMMES, PROGRAMMES, type Programme } from '../../../../shared/assistance/codes';
import { labelOf } from '../../../../shared/codes';
import { monthOf } from '../../../../shared/policy';
import { shanghaiDate } from '../../../../shared/time/shanghai';
import type { ProgrammeCategory } from '../../../../shared/assistance/programme-categories';
import type { Actor, Store } from '../../store/store';
import type { EnrolmentDbRow } from './amounts';
import { nameId } from './batch-ids';
import { householdMembers, toIncomeMember } from './members';
import { loadEnrolment } from './read';
import { recordStep } from './enrolment-steps';
import { enrolmentWorking } from './working';

export interface ImportTerms {
  /** First month paid 'YYYY-MM' (default: the month of the import). */
  startMonth?: string | null;
  /** 核定月保障金 in fen, when the data brings one. */
  amountFen?: number | null;
}

export function importedEnrolmentId(street: string, householdId: string, programme: string, personId: string | null): string {
  return nameId(`imported-enrolment/${street}/${householdId}/${programme}/${personId ?? ''}`);
}

/** The person a per-person programme (特困) of a household's data is for: its living head, else its first living member. */
function programmePerson(store: Store, householdId: string): string | null {
  const members = householdMembers(store, householdId);
  return (members.find((m) => m.relation === '02') ?? members[0])?.id ?? null;
}

/** The assessed per-capita income of a household programme from the registry's incomes, with its working when the parameters allow one. */
function assessed(store: Store, e: EnrolmentDbRow, today: string): { perCapitaFen: number | null; working: unknown } {
  if (!HOUSEHOLD_PROGRAMMES.includes(e.programme)) return { perCapitaFen: null, working: null };
  try {
    const w = enrolmentWorking(store, e, { workingAwayPersonIds: [] }, today);
    if (w) return { perCapitaFen: w.perCapitaFen, working: w };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  // No parameters on file yet (an old street's migration): the plain countable income per member.
  const members = householdMembers(store, e.household_id);
  const total = members.reduce((s, m) => s + toIncomeMember(m, new Set()).incomes.filter((i) => i.kind !== 'excluded').reduce((a, i) => a + i.monthlyFen, 0), 0);
  return { perCapitaFen: members.length > 0 ? Math.floor(total / members.length) : 0, working: null };
}

/**
 * Enrols the household in each programme of the list as imported; a programme it already holds
 * (any enrolment not exited or rejected, or this very record from another PC) is left as it is.
 * Returns the programmes enrolled now.
 */
export function importProgrammes(
  store: Store,
  actor: Actor,
  householdId: string,
  programmes: readonly ProgrammeCategory[],
  terms: ImportTerms = {},
  /** false: the caller audits the whole (the demo street's one load event). */
  audited = true,
): Programme[] {
  return store.tx(() => {
    const today = shanghaiDate(store.nowDate());
    const created: Programme[] = [];
    for (const programme of programmes) {
      const perHousehold = HOUSEHOLD_PROGRAMMES.includes(programme);
      const personId = perHousehold ? null : programmePerson(store, householdId);
      if (!perHousehold && personId === null) continue;
      const id = importedEnrolmentId(actor.streetCode, householdId, programme, personId);
      const held = store
        .prepare(
          `SELECT 1 FROM enrolments WHERE (id = ? OR (programme = ? AND household_id = ? AND COALESCE(person_id, '') = ?
             AND deleted_at IS NULL AND status NOT IN ('exited', 'rejected'))) LIMIT 1`,
        )
        .get(id, programme, householdId, personId ?? '');
      if (held) continue;
      const covered = perHousehold ? Math.max(1, householdMembers(store, householdId).length) : 1;
      const row = {
        id,
        streetCode: actor.streetCode,
        programme,
        householdId,
        personId,
        status: 'active',
        coveredPersons: covered,
        startMonth: terms.startMonth ?? monthOf(today),
        fixedAmountFen: terms.amountFen ?? null,
        source: 'import',
      };
      const draft = { id, street_code: actor.streetCode, programme, household_id: householdId, covered_persons: covered } as EnrolmentDbRow;
      const a = assessed(store, draft, today);
      const spec = { action: 'assistance.import', summary: `${labelOf(PROGRAMMES, programme)}：导入在保（自 ${row.startMonth} 起）` };
      store.insert('enrolments', { ...row, perCapitaIncomeFen: a.perCapitaFen }, actor, audited ? spec : null);
      store.insert(
        'enrolment_steps',
        {
          id: nameId(`imported-enrolment-step/${id}`),
          streetCode: actor.streetCode,
          enrolmentId: id,
          step: 'import',
          at: store.nowIso(),
          username: actor.username,
          note: null,
          detail: { startMonth: row.startMonth, amountFen: row.fixedAmountFen, perCapitaFen: a.perCapitaFen, working: a.working },
        },
        actor,
        null,
      );
      created.push(programme);
    }
    return created;
  });
}

/** 确认导入: the office has checked an imported enrolment against its papers. */
export function confirmImport(store: Store, actor: Actor, id: string, note: string | null): void {
  store.tx(() => {
    const e = loadEnrolment(store, actor.streetCode, id) as EnrolmentDbRow & { source: string | null; import_confirmed_at: string | null };
    if (e.source !== 'import') throw new AppError('not-applicable', '该保障记录经办理程序产生，无需确认导入', { field: 'id' });
    if (e.import_confirmed_at) throw new AppError('nothing-to-do', '该导入记录已确认', { field: 'id' });
    store.update('enrolments', id, { importConfirmedAt: store.nowIso() }, actor, {
      action: 'assistance.confirm-import',
      summary: `${labelOf(PROGRAMMES, e.programme)}：确认导入`,
    });
    recordStep(store, actor, id, 'confirm-import', note);
  });
}
