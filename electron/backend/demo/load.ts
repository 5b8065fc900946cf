/**
 * Loads a generated street into an empty office database through the store's write path, so the
 * change log and field clocks are filled exactly as for any other write. One transaction; bulk
 * rows carry no audit event of their own, the load as a whole writes one.
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
import { withSearchIndexDeferred } from '../store/search-index';
import { isProgrammeCategory, situationTags } from '../../../shared/assistance/programme-categories';
import { importProgrammes } from '../services/assistance/imported';

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
  const demo = isDemoStreet(data.street.code);
  const users = demo ? DEMO_USERS : [];
  const passwordHashes = users.map(() => hashPassword(DEMO_PASSWORD));
  return withSearchIndexDeferred(store, () => {
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
        { ...fields, categories: situationTags(fields.categories), streetCode: code, communityId: place.communityId, gridId: place.gridIds[grid] ?? null },
        actor,
        null,
      );
      for (const m of members) {
        store.insert('persons', { ...m, ...derivedPersonFields(m), householdId, streetCode: code }, actor, null);
        persons++;
      }
      // One truth: a generated household's programmes are imported enrolments, as the Excel import makes them.
      importProgrammes(store, actor, householdId, fields.categories.filter(isProgrammeCategory), {}, false);
      opts.onProgress?.(persons, personsTotal);
    }

    users.forEach((u, i) => {
      store.insert('users', { ...u, streetCode: code, passwordHash: passwordHashes[i], phone: null, disabled: false }, actor, null);
    });

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
  });
}

/** The `setup.loadDemo` loader: the demo street (张贵庄街道（演示）, about 2,000 households). */
export function loadDemoStreet(store: Store, onProgress?: (personsDone: number, personsTotal: number) => void): void {
  loadStreetData(store, generateStreet(), { onProgress });
}
