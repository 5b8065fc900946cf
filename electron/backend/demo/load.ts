/**
 * Loads a generated street into an empty office database through the store's write path, so the
 * change log and field clocks are filled exactly as for any other write. One transaction (in the
 * app one that gives other calls a turn between steps); bulk rows carry no audit event of their
 * own, the load as a whole writes one. The demo street is
 * registered a year back and then lives that year (history.ts) through the procedures' handlers.
 */
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/codes';
import type { Store } from '../store/store';
import { hashPassword } from '../../../shared/auth/password-hash';
import { seedStreetDefaults } from '../services/setup/defaults';
import { derivedPersonFields } from '../services/registry/persons';
import { setupStatus, systemActor } from '../services/setup/street';
import { enrolledScope } from '../store/enrollment';
import { isDemoStreet } from '../../../shared/demo';
import { DEMO_META } from './marker';
import { generateStreet, type DemoStreetData } from './generate';
import { withSearchIndexDeferred, withSearchIndexDeferredAsync } from '../store/search-index';
import { runAtOnce, runWithTurns } from '../store/turns';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { openDesk } from './desk';
import { HISTORY_DAYS, playHistory, shanghaiAt, type DemoStaff, type LoadedGrid, type LoadedHousehold } from './history';
import { addDays } from '../../../shared/time/calendar-days';
import { isProgrammeCategory, situationTags } from '../../../shared/assistance/programme-categories';
import { importProgrammes } from '../services/assistance/imported';
import { loadDemoWarnings } from './warnings';

/**
 * Accounts that exist only in demo data; their password is `demo`, shorter than the API allows.
 * Created only with the demo street (shared/demo.ts), whose data can never enroll or sync.
 */
export const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'demo', displayName: '演示管理员', role: 'street-admin' },
  { username: 'caseworker', displayName: '演示经办人', role: 'caseworker' },
  { username: 'supervisor', displayName: '演示负责人', role: 'supervisor' },
];
export const DEMO_PASSWORD = 'demo';

export interface LoadSummary {
  streetCode: string;
  communities: number;
  grids: number;
  households: number;
  persons: number;
  users: number;
  /** Steps of the generated year (0 without history). */
  historySteps: number;
}

export interface LoadOptions {
  /**
   * Called as the load goes: units done of the total (one per person written, then as many again
   * for the history, told as its steps are played).
   */
  onProgress?: (done: number, total: number) => void;
  /** Play a year of office life after the rows (default: the demo street does, benchmarks do not). */
  history?: boolean;
}

/**
 * Loads generated data into an empty, unenrolled data folder. The demo street becomes the demo
 * (marked, with its accounts); another street's code (benchmarks) gets its rows only, no accounts.
 */
export function loadStreetData(store: Store, data: DemoStreetData, opts: LoadOptions = {}): LoadSummary {
  return withSearchIndexDeferred(store, () => runAtOnce(loadSteps(store, data, opts), progressOf(opts)));
}

/** The same in one transaction that gives the backend's other calls a turn (the demo in the app). */
export async function loadStreetDataYielding(store: Store, data: DemoStreetData, opts: LoadOptions = {}): Promise<LoadSummary> {
  return store.txYielding(() => withSearchIndexDeferredAsync(store, () => runWithTurns(loadSteps(store, data, opts), progressOf(opts))));
}

const progressOf = (opts: LoadOptions) => (p: Progress) => opts.onProgress?.(p[0], p[1]);

/** Units done of the total: one per person written, then as many again for the history. */
type Progress = [number, number];

/** The load's steps (one household, one account, one history step each), yielding its progress. */
function* loadSteps(store: Store, data: DemoStreetData, opts: LoadOptions): Generator<Progress, LoadSummary> {
  const demo = isDemoStreet(data.street.code);
  const users = demo ? DEMO_USERS : [];
  const history = opts.history ?? demo;
  // With a history, the street is registered on its first day and lives the year up to now.
  const registeredAt = history ? shanghaiAt(addDays(data.referenceDate, -HISTORY_DAYS), '08:30') : store.nowDate();
  if (!setupStatus(store).isEmpty || enrolledScope(store)) {
    throw new AppError('already-set-up', '本机已有数据或已登记到区级服务器：演示街道只能载入到空的数据文件夹');
  }
  const code = data.street.code;
  const actor = systemActor(code);
  const rows = yield* writeRows(store, data, users, demo, history ? 2 : 1, registeredAt);
  const personsTotal = rows.persons;
  if (history && !rows.staff) throw new Error('the demo history needs the demo accounts (the demo street only)');
  let historySteps = 0;
  if (rows.staff && history) {
    const played = playHistory(store, openDesk(store), rows.staff, {
      seed: data.seed,
      today: data.referenceDate,
      households: rows.households,
      grids: rows.grids,
    });
    for (;;) {
      const next = played.next();
      if (next.done) {
        historySteps = next.value.steps;
        break;
      }
      const [done, total] = next.value;
      yield [personsTotal + Math.round((done / total) * personsTotal), personsTotal * 2];
    }
  }

  // The demo's 预警: department files and the warnings they raise, after the year of history.
  if (rows.staff && history) loadDemoWarnings(store, rows.staff.admin, rows.households, data.referenceDate);

  const summary: LoadSummary = {
    streetCode: code,
    communities: data.communities.length,
    grids: rows.grids.length,
    households: data.households.length,
    persons: personsTotal,
    users: users.length,
    historySteps,
  };
  store.audit(actor, {
    action: 'setup.loadDemo',
    entity: 'streets',
    entityId: rows.streetId,
    summary: `载入演示街道：${data.street.name}（${summary.households}户，${summary.persons}人）`,
    detail: { ...summary, seed: data.seed, referenceDate: data.referenceDate },
  });
  return summary;
}

interface WrittenRows {
  streetId: string;
  persons: number;
  households: LoadedHousehold[];
  grids: LoadedGrid[];
  staff: DemoStaff | null;
}

/**
 * The street, its places, households, persons and accounts: bulk rows, no audit of their own, each
 * step written at `at` (the street's first day when it has a history).
 */
function* writeRows(
  store: Store,
  data: DemoStreetData,
  users: typeof DEMO_USERS,
  demo: boolean,
  progressParts: number,
  at: Date,
): Generator<Progress, WrittenRows> {
  const code = data.street.code;
  const actor = systemActor(code);
  const grids: LoadedGrid[] = [];
  const { streetId, placement } = store.asOf(at, () => {
    const streetId = store.insert(
      'streets',
      { streetCode: code, code, name: data.street.name, officeName: data.street.officeName },
      actor,
      null,
    );
    store.setMeta('street_code', code);
    if (demo) store.setMeta(DEMO_META, '1');
    seedStreetDefaults(store, actor, { demo });
    const placement = data.communities.map((c) => {
      const { grids: cGrids, ...fields } = c;
      const communityId = store.insert('communities', { ...fields, streetCode: code }, actor, null);
      const gridIds = cGrids.map((g) => {
        const id = store.insert('grids', { ...g, streetCode: code, communityId }, actor, null);
        grids.push({ id, communityId, workerName: g.workerName });
        return id;
      });
      return { communityId, gridIds };
    });
    return { streetId, placement };
  });
  const households: LoadedHousehold[] = [];

  const personsTotal = data.households.reduce((s, h) => s + h.members.length, 0);
  let persons = 0;
  for (const h of data.households) {
    const { community, grid, kind: _kind, members, ...fields } = h;
    const place = placement[community];
    if (!place) throw new Error(`household refers to unknown community ${community}`);
    const gridId = place.gridIds[grid] ?? null;
    store.asOf(at, () => {
      const householdId = store.insert(
        'households',
        { ...fields, categories: situationTags(fields.categories), streetCode: code, communityId: place.communityId, gridId },
        actor,
        null,
      );
      const loaded: LoadedHousehold = {
        id: householdId,
        communityId: place.communityId,
        gridId,
        categories: fields.categories ?? [],
        status: fields.status ?? 'active',
        hasBank: !!fields.bankAccount,
        monthlyIncomeFen: members.reduce((sum, m) => sum + (m.incomes ?? []).reduce((s, i) => s + i.monthlyFen, 0), 0),
        members: [],
      };
      for (const m of members) {
        const derived = derivedPersonFields(m);
        const id = store.insert('persons', { ...m, ...derived, householdId, streetCode: code }, actor, null);
        loaded.members.push({ id, name: m.name, relation: m.relation, birthDate: String(derived.birthDate) });
        persons++;
      }
      // One truth: a generated household's programmes are imported enrolments, as the Excel import makes them.
      importProgrammes(store, actor, householdId, (fields.categories ?? []).filter(isProgrammeCategory), {}, false);
      households.push(loaded);
    });
    yield [persons, personsTotal * progressParts];
  }

  const userIds: string[] = [];
  for (const u of users) {
    // A password hash takes a while: a step of its own.
    const passwordHash = hashPassword(DEMO_PASSWORD);
    userIds.push(store.asOf(at, () => store.insert('users', { ...u, streetCode: code, passwordHash, phone: null, disabled: false }, actor, null)));
    yield [persons, personsTotal * progressParts];
  }
  const signedIn = (username: string) => {
    const i = users.findIndex((u) => u.username === username);
    const u = users[i]!;
    return { id: userIds[i]!, username: u.username, displayName: u.displayName, role: u.role, streetCode: code };
  };
  const staff = demo ? { admin: signedIn('demo'), caseworker: signedIn('caseworker'), supervisor: signedIn('supervisor') } : null;
  return { streetId, persons, households, grids, staff };
}

/** The `setup.loadDemo` loader: the demo street (张贵庄街道（演示）, about 2,000 households), giving other calls a turn. */
export async function loadDemoStreet(store: Store, onProgress?: (done: number, total: number) => void): Promise<void> {
  // The street's ages and its year of history are counted from the app's clock (injected in tests).
  await loadStreetDataYielding(store, generateStreet({ referenceDate: shanghaiDate(store.nowDate()) }), { onProgress });
}
