/** The street this office database belongs to, and first-start set-up. */
import { AppError } from '../../../../shared/errors';
import type { SetupInput, SetupStatus } from '../../../../shared/auth/schemas';
import { findStreet } from '../../../../shared/streets';
import type { Actor, Store } from '../../store/store';
import { createUser } from '../auth/users';
import { seedStreetDefaults } from './defaults';
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import { enrolledScope } from '../../store/enrollment';

export interface StreetInfo {
  code: string;
  name: string;
  officeName: string;
}

/** What a district device (enrolled with a district code) shows where a street device shows its street. */
export const DISTRICT_INFO: StreetInfo = { code: DISTRICT_PARTITION, name: '东丽区', officeName: '东丽区民政局（区级）' };

export function currentStreet(store: Store): StreetInfo | null {
  // A district device enrolled before the district had its own "street" has only its sync scope.
  const code = store.getMeta('street_code') ?? (enrolledScope(store)?.kind === 'district' ? DISTRICT_PARTITION : null);
  if (!code) return null;
  if (code === DISTRICT_PARTITION) return DISTRICT_INFO;
  const row = store.prepare('SELECT code, name, office_name FROM streets WHERE code = ?').get(code) as
    | { code: string; name: string; office_name: string }
    | undefined;
  return row ? { code: row.code, name: row.name, officeName: row.office_name } : null;
}

export function setupStatus(store: Store): SetupStatus {
  const street = currentStreet(store);
  const anyRows = store.prepare('SELECT EXISTS (SELECT 1 FROM streets) OR EXISTS (SELECT 1 FROM users) AS x').get() as {
    x: number;
  };
  return { isSetUp: street !== null, street, isEmpty: anyRows.x === 0, isDemo: store.getMeta('is_demo') === '1' };
}

export function systemActor(streetCode: string): Actor {
  return { userId: null, username: 'system', streetCode };
}

/** Creates the street, its default communities (for Dongli presets) and the administrator. */
export function initializeStreet(store: Store, input: SetupInput): { adminId: string } {
  return store.tx(() => {
    if (currentStreet(store)) throw new AppError('already-set-up', '本机已完成初始设置，不能重复设置');
    const actor = systemActor(input.streetCode);
    store.insert(
      'streets',
      { streetCode: input.streetCode, code: input.streetCode, name: input.streetName, officeName: input.officeName },
      actor,
      { action: 'setup.initialize', summary: `初始设置：${input.streetName}` },
    );
    const preset = findStreet(input.streetCode);
    preset?.communities.forEach((name, i) => {
      store.insert(
        'communities',
        { streetCode: input.streetCode, name, kind: name.endsWith('村') ? 'village' : 'community', sortOrder: i },
        actor,
        null,
      );
    });
    store.setMeta('street_code', input.streetCode);
    seedStreetDefaults(store, actor, { demo: false });
    const admin = createUser(store, actor, {
      username: input.admin.username,
      displayName: input.admin.displayName,
      role: 'street-admin',
      password: input.admin.password,
    });
    return { adminId: admin.id };
  });
}
