/**
 * Loads a generated street into an empty office database through the store's write path, so the
 * change log and field clocks are filled exactly as for any other write. One transaction (in the
 * app one that gives other calls a turn); bulk rows carry no audit event of their own, the load as
 * a whole writes one.
 */
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/codes';
import type { Store } from '../store/store';
import { hashPassword } from '../services/auth/password';
import { seedStreetDefaults } from '../services/setup/defaults';
import { derivedPersonFields } from '../services/registry/persons';
import { setupStatus, systemActor } from '../services/setup/street';
import { enrolledScope } from '../store/enrollment';
import { isDemoStreet } from '../../../shared/demo';
import { DEMO_META } from './marker';
import { generateStreet, type DemoStreetData } from './generate';
import { withSearchIndexDeferred, withSearchIndexDeferredAsync } from '../store/search-index';
import { runAtOnce, runWithTurns } from '../store/turns';

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
}

export interface LoadOptions {
  /** Called after each household with the number of persons written so far. */
  onProgress?: (personsDone: number, personsTotal: number) => void;
}

/**
 * Loads generated data into an empty, unenrolled data folder. The demo street becomes the demo
 * (marked, with its accounts); another street's code (benchmarks) gets its rows only, no accounts.
 */
export function loadStreetData(store: Store, data: DemoStreetData, opts: LoadOptions = {}): LoadSummary {
  return withSearchIndexDeferred(store, () => runAtOnce(loadSteps(store, data), progressOf(opts)));
}

/** The same in one transaction that gives the backend's other calls a turn (the demo in the app). */
export async function loadStreetDataYielding(store: Store, data: DemoStreetData, opts: LoadOptions = {}): Promise<LoadSummary> {
  return store.txYielding(() => withSearchIndexDeferredAsync(store, () => runWithTurns(loadSteps(store, data), progressOf(opts))));
}

const progressOf = (opts: LoadOptions) => (p: [number, number]) => opts.onProgress?.(p[0], p[1]);

/** The load's steps, one household each, yielding persons written of all. */
function* loadSteps(store: Store, data: DemoStreetData): Generator<[number, number], LoadSummary> {
  const demo = isDemoStreet(data.street.code);
  const users = demo ? DEMO_USERS : [];
  if (!setupStatus(store).isEmpty || enrolledScope(store)) {
    throw new AppError('already-set-up', '本机已有数据或已登记到区级服务器：演示街道只能载入到空的数据文件夹');
  }
  const code = data.street.code;
  const actor = systemActor(code);
  const streetId = store.insert(
    'streets',
    { streetCode: code, code, name: data.street.name, officeName: data.street.officeName },
    actor,
    null,
  );
  store.setMeta('street_code', code);
  if (demo) store.setMeta(DEMO_META, '1');
  seedStreetDefaults(store, actor, { demo });

  let grids = 0;
  const placement = data.communities.map((c) => {
    const { grids: cGrids, ...fields } = c;
    const communityId = store.insert('communities', { ...fields, streetCode: code }, actor, null);
    const gridIds = cGrids.map((g) => store.insert('grids', { ...g, streetCode: code, communityId }, actor, null));
    grids += gridIds.length;
    return { communityId, gridIds };
  });

  const personsTotal = data.households.reduce((s, h) => s + h.members.length, 0);
  let persons = 0;
  for (const h of data.households) {
    const { community, grid, kind: _kind, members, ...fields } = h;
    const place = placement[community];
    if (!place) throw new Error(`household refers to unknown community ${community}`);
    const householdId = store.insert(
      'households',
      { ...fields, streetCode: code, communityId: place.communityId, gridId: place.gridIds[grid] ?? null },
      actor,
      null,
    );
    for (const m of members) {
      store.insert('persons', { ...m, ...derivedPersonFields(m), householdId, streetCode: code }, actor, null);
      persons++;
    }
    yield [persons, personsTotal];
  }

  for (const u of users) {
    // A password hash takes a while: a step of its own.
    store.insert('users', { ...u, streetCode: code, passwordHash: hashPassword(DEMO_PASSWORD), phone: null, disabled: false }, actor, null);
    yield [persons, personsTotal];
  }

  const summary: LoadSummary = {
    streetCode: code,
    communities: data.communities.length,
    grids,
    households: data.households.length,
    persons,
    users: users.length,
  };
  store.audit(actor, {
    action: 'setup.loadDemo',
    entity: 'streets',
    entityId: streetId,
    summary: `载入演示街道：${data.street.name}（${summary.households}户，${summary.persons}人）`,
    detail: { ...summary, seed: data.seed, referenceDate: data.referenceDate },
  });
  return summary;
}

/** The `setup.loadDemo` loader: the demo street (张贵庄街道（演示）, about 2,000 households). */
export async function loadDemoStreet(store: Store, onProgress?: (personsDone: number, personsTotal: number) => void): Promise<void> {
  await loadStreetDataYielding(store, generateStreet(), { onProgress });
}
