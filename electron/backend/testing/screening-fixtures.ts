/** Test helpers for screening and ledger API tests: a mutable clock, grids, households, a caseworker. */
import { makeIdNumber } from '../../../shared/id-number';
import type { InputOf } from '../../../shared/api/contract';
import { makeHarness, type Harness } from './harness';
import { expect } from 'vitest';
import { AppError } from '../../../shared/errors';

export interface Clock {
  now: Date;
  set(iso: string): void;
  advanceHours(h: number): void;
}

export function makeClock(iso: string): Clock {
  const c: Clock = {
    now: new Date(iso),
    set(v) {
      c.now = new Date(v);
    },
    advanceHours(h) {
      c.now = new Date(c.now.getTime() + h * 3_600_000);
    },
  };
  return c;
}

export interface World {
  h: Harness;
  clock: Clock;
  /** Moves the clock and signs in again (sessions time out when the clock jumps). */
  moveClock(iso: string): Promise<void>;
  communityId: string;
  gridA: string;
  gridB: string;
  changeCount(): number;
  household(opts: { grid?: string; members: { name: string; birth: string; health?: 'healthy' | 'chronic' | 'serious' }[]; categories?: string[] }): Promise<string>;
  caseworkerToken(): Promise<string>;
}

let seq = 100;

export async function makeWorld(startIso: string): Promise<World> {
  const clock = makeClock(startIso);
  const h = await makeHarness({ now: () => clock.now });
  const communityId = (await h.call('org.listCommunities', {}))[0]!.id;
  const gridA = (await h.call('org.saveGrid', { communityId, name: '第一网格', workerName: '刘网格' })).id;
  const gridB = (await h.call('org.saveGrid', { communityId, name: '第二网格', workerName: '陈网格' })).id;
  let cwToken: string | null = null;
  return {
    h,
    clock,
    async moveClock(iso) {
      clock.set(iso);
      cwToken = null;
      await h.signInAgain();
    },
    communityId,
    gridA,
    gridB,
    changeCount: () => (h.backend.store.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n,
    async household(opts) {
      const members = opts.members.map((m, i) => ({
        name: m.name,
        idNumber: makeIdNumber('120110', m.birth.replace(/-/g, ''), seq++),
        relation: i === 0 ? ('02' as const) : ('20' as const),
        health: m.health ?? 'healthy',
      }));
      const input: InputOf<'registry.createHousehold'> = {
        household: {
          communityId,
          gridId: opts.grid ?? gridA,
          address: `詹滨西里${seq}号`,
          hukouType: 'urban',
          categories: (opts.categories ?? ['dibao']) as InputOf<'registry.createHousehold'>['household']['categories'],
        },
        members,
      };
      return (await h.call('registry.createHousehold', input)).id;
    },
    async caseworkerToken() {
      if (cwToken) return cwToken;
      const exists = (await h.call('users.list', {})).some((u) => u.username === 'jingban');
      if (!exists) await h.call('users.create', { username: 'jingban', displayName: '赵经办', role: 'caseworker', password: 'case-pass-1' });
      cwToken = (await h.call('auth.login', { username: 'jingban', password: 'case-pass-1' }, null)).token;
      return cwToken;
    },
  };
}

/** Runs a call that must be refused with `code` and checks that it wrote nothing. */
export async function expectRefused(w: World, code: string, fn: () => Promise<unknown>): Promise<AppError> {
  const before = w.changeCount();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(w.changeCount()).toBe(before);
  return err as AppError;
}

/**
 * Every due list of the world (street, community, grid, grid worker; today, week, overdue) and the
 * 工作台's visit figures, as the user reads them: kept results are compared with cold ones by it.
 */
export async function allDueLists(w: World): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const scope of [{}, { communityId: w.communityId }, { gridId: w.gridB }, { worker: '刘网格' }]) {
    for (const list of ['today', 'week', 'overdue'] as const) out.push(await w.h.call('screening.dueList', { list, pageSize: 200, ...scope }));
  }
  const home = await w.h.call('home.workbench', {});
  out.push(home.sections.find((s) => s.key === 'visits')!.figures.map((f) => f.count));
  return out;
}
