import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { SetupStatus } from '../../../shared/auth/schemas';
import { makeHarness, type Harness } from '../testing/harness';
import { paramOn } from '../services/policy/params';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { compareText } from '../services/registry/search';
import { DEMO_USERS } from './load';
import { DEMO_STREET } from '../../../shared/demo';

const ROW_TABLES = ['streets', 'communities', 'grids', 'households', 'persons', 'users', 'audit_events'] as const;

describe('loading the demo street through setup.loadDemo', () => {
  let h: Harness;
  let status: SetupStatus;
  let countsAfterLoad: Record<string, { rows: number; changes: number; clockedRows: number }>;

  beforeAll(async () => {
    h = await makeHarness({ setUp: false });
    status = await h.call('setup.loadDemo', {});
    const db = h.backend.store.sqlite;
    countsAfterLoad = Object.fromEntries(
      ROW_TABLES.map((t) => [
        t,
        {
          rows: (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
          changes: (db.prepare('SELECT count(*) AS n FROM change_log WHERE table_name = ?').get(t) as { n: number }).n,
          clockedRows: (
            db.prepare('SELECT count(DISTINCT row_id) AS n FROM field_clocks WHERE table_name = ?').get(t) as { n: number }
          ).n,
        },
      ]),
    );
  }, 180_000);

  afterAll(() => h?.close());

  test('the street is set up and marked as demo', async () => {
    expect(status).toMatchObject({ isSetUp: true, isDemo: true, isEmpty: false });
    const s = await h.call('setup.status', {}, null);
    expect(s.isDemo).toBe(true);
    expect(s.street).toEqual({ code: DEMO_STREET.code, name: '张贵庄街道（演示）', officeName: '张贵庄街道公共服务办公室（演示）' });
  });

  test('every row went through the write path: a change per insert and update, field clocks per row', () => {
    for (const t of ROW_TABLES) {
      const c = countsAfterLoad[t]!;
      expect(c.rows, t).toBeGreaterThan(0);
      // The year's history updates some rows (a household's bank account, a person's wages).
      if (t === 'households' || t === 'persons') expect(c.changes, t).toBeGreaterThanOrEqual(c.rows);
      else expect(c.changes, t).toBe(c.rows);
      expect(c.clockedRows, t).toBe(c.rows);
    }
    expect(countsAfterLoad.communities!.rows).toBe(8);
    expect(countsAfterLoad.households!.rows).toBe(2000);
    expect(countsAfterLoad.persons!.rows).toBeGreaterThan(4500);
    expect(countsAfterLoad.users!.rows).toBe(DEMO_USERS.length);
  });

  test('one audit event records the whole load; the year after it is the demo staff’s work', () => {
    const events = h.backend.store.sqlite.prepare("SELECT action, summary FROM audit_events WHERE action = 'setup.loadDemo'").all() as {
      action: string;
      summary: string;
    }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatch(/^载入演示街道：张贵庄街道（演示）（2000户，\d+人）$/);
    // Besides it, the system only seeds the policy figures, one event each (policy changes always are),
    // and raises the 预警 the demo's department files trigger (the rules are the system's).
    const bySystem = h.backend.store.sqlite
      .prepare("SELECT DISTINCT action FROM audit_events WHERE action <> 'setup.loadDemo' AND user_id IS NULL ORDER BY action")
      .all() as { action: string }[];
    expect(bySystem.map((o) => o.action)).toEqual(['policy.setParam', 'warnings.raise']);
    const byStaff = h.backend.store.sqlite
      .prepare("SELECT DISTINCT username FROM audit_events WHERE user_id IS NOT NULL ORDER BY username")
      .all() as { username: string }[];
    expect(byStaff.map((o) => o.username)).toEqual(['caseworker', 'demo', 'supervisor']);
  });

  test('demo/demo signs in as the street administrator; caseworker and supervisor exist too', async () => {
    const s = await h.call('auth.login', { username: 'demo', password: 'demo' }, null);
    expect(s.user).toMatchObject({ username: 'demo', displayName: '演示管理员', role: 'street-admin', streetCode: DEMO_STREET.code });
    for (const [username, role] of [
      ['caseworker', 'caseworker'],
      ['supervisor', 'supervisor'],
    ] as const) {
      const u = await h.call('auth.login', { username, password: 'demo' }, null);
      expect(u.user.role).toBe(role);
    }
    const bad = await h.raw('auth.login', { username: 'demo', password: 'wrong' }, null);
    expect(bad.ok).toBe(false);
  });

  test('the registry answers: about 2,000 households, search finds demo persons', async () => {
    const { token } = await h.call('auth.login', { username: 'demo', password: 'demo' }, null);
    const page = await h.call('registry.listHouseholds', {}, token);
    expect(page.total).toBe(2000);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows[0]!.headName).toBeTruthy();
    const person = h.backend.store.sqlite
      .prepare("SELECT name, name_initials, id_number FROM persons WHERE relation = '02' LIMIT 1 OFFSET 100")
      .get() as { name: string; name_initials: string; id_number: string };
    const hits = await h.call('registry.search', { q: person.name, limit: 50 }, token);
    expect(hits.some((x) => x.title.startsWith(person.name))).toBe(true);
    const byId = await h.call('registry.listHouseholds', { q: person.id_number.slice(-8) }, token);
    expect(byId.total).toBeGreaterThanOrEqual(1);
    const communities = await h.call('org.listCommunities', {}, token);
    expect(communities.reduce((s, c) => s + c.householdCount, 0)).toBe(2000);
  });

  test('searching the demo street: address prefix, pages, filters and matched members', async () => {
    const { token } = await h.call('auth.login', { username: 'demo', password: 'demo' }, null);
    const db = h.backend.store.sqlite;
    // Two characters match the start of an address.
    const estate = await h.call('registry.listHouseholds', { q: '詹滨', pageSize: 100 }, token);
    expect(estate.total).toBeGreaterThan(0);
    expect(estate.rows.every((r) => r.address.startsWith('詹滨'))).toBe(true);
    // A broad search pages in list order: community order, then address.
    const broad = await h.call('registry.listHouseholds', { q: '1201', pageSize: 50 }, token);
    expect(broad.total).toBeGreaterThan(100);
    const second = await h.call('registry.listHouseholds', { q: '1201', page: 2, pageSize: 50 }, token);
    expect(second.total).toBe(broad.total);
    const order = new Map(
      (db.prepare('SELECT id FROM communities ORDER BY sort_order, name').all() as { id: string }[]).map((c, i) => [c.id, i]),
    );
    const listed = [...broad.rows, ...second.rows];
    expect(new Set(listed.map((r) => r.id)).size).toBe(100);
    for (let i = 1; i < listed.length; i++) {
      const a = listed[i - 1]!;
      const b = listed[i]!;
      const byCommunity = order.get(a.communityId)! - order.get(b.communityId)!;
      expect(byCommunity < 0 || (byCommunity === 0 && compareText(a.address, b.address) <= 0)).toBe(true);
    }
    // Filters narrow a search; matched members are the ones that matched.
    const community = broad.rows[0]!.communityId;
    const inCommunity = await h.call('registry.listHouseholds', { q: '1201', communityId: community, pageSize: 200 }, token);
    expect(inCommunity.total).toBeLessThan(broad.total);
    expect(inCommunity.rows.every((r) => r.communityId === community)).toBe(true);
    const p = db.prepare("SELECT name, id_number, household_id FROM persons WHERE relation = '20' LIMIT 1").get() as {
      name: string;
      id_number: string;
      household_id: string;
    };
    const byId = await h.call('registry.listHouseholds', { q: p.id_number }, token);
    expect(byId.total).toBe(1);
    expect(byId.rows[0]!.id).toBe(p.household_id);
    expect(byId.rows[0]!.matchedMembers?.map((m) => m.name)).toEqual([p.name]);
    // The search box stops at its limit however broad the match.
    expect(await h.call('registry.search', { q: '120110', limit: 10 }, token)).toHaveLength(10);
  });

  test('the demo street starts with the dated policy figures and the screening and ledger rules', () => {
    const store = h.backend.store;
    const today = shanghaiDate(store.nowDate());
    for (const key of ['dibao.standard', 'screening.cadence', 'ledger.urgencyLimits', 'calendar.holidays']) {
      expect(paramOn(store, DEMO_STREET.code, key, today), key).not.toBeNull();
    }
  });

  test('a second load is refused', async () => {
    const again = await h.raw('setup.loadDemo', {}, null);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(AppError.fromBody(again.error).code).toBe('already-set-up');
  });
});

describe('demo accounts never exist in a real street', () => {
  test('the demo loads only into an empty data folder', async () => {
    const h = await makeHarness();
    try {
      const res = await h.raw('setup.loadDemo', {}, null);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('already-set-up');
      expect(h.backend.store.getMeta('is_demo')).toBeNull();
      expect((h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n).toBe(0);
    } finally {
      await h.close();
    }
  });

  test('a real street cannot have a user named demo: not at set-up, not later', async () => {
    const empty = await makeHarness({ setUp: false });
    const h = await makeHarness();
    try {
      const setup = await empty.raw('setup.initialize', {
        streetCode: '120110001000',
        streetName: '张贵庄街道',
        officeName: '张贵庄街道公共服务办公室',
        admin: { username: 'Demo', displayName: '王管理', password: 'admin-pass-1' },
      }, null);
      expect(setup.ok).toBe(false);
      if (!setup.ok) expect(setup.error).toMatchObject({ code: 'demo-account', field: 'username' });
      expect((empty.backend.store.sqlite.prepare('SELECT count(*) AS n FROM streets').get() as { n: number }).n).toBe(0);

      const created = await h.raw('users.create', { username: 'demo', displayName: '演示', role: 'caseworker', password: 'demo-pass-12' });
      expect(created.ok).toBe(false);
      if (!created.ok) expect(created.error.code).toBe('demo-account');
      expect((h.backend.store.sqlite.prepare("SELECT count(*) AS n FROM users WHERE lower(username) = 'demo'").get() as { n: number }).n).toBe(0);
    } finally {
      empty.close();
      await h.close();
    }
  });
});

describe('compareText', () => {
  test('orders like SQLite (code points), also past the basic plane', () => {
    expect(compareText('詹滨西里1号', '詹滨西里2号')).toBeLessThan(0);
    expect(compareText('a', 'a')).toBe(0);
    expect(compareText('ab', 'a')).toBeGreaterThan(0);
    // U+FF01 sorts before U+20000 by code point, though its UTF-16 unit is larger.
    expect(compareText('\uff01', '\u{20000}')).toBeLessThan(0);
    expect(compareText('\u{20000}', '\uff01')).toBeGreaterThan(0);
  });
});
