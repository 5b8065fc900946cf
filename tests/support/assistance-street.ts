/**
 * The street the assistance e2e specs start from: 张贵庄街道 set up with its administrator, an API caller
 * that signs in again after the test clock moved past the session's life, the 就业奖励 figure a street
 * sets itself, a caseworker for the 入户调查, and a 低保 enrolment taken through its steps.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/app';
import { DISTRICT_APPROVAL, INVESTIGATOR, PAST_PUBLICATION, type EnrolmentDates } from '../../electron/backend/testing/enrolment';
import { backendCall } from './ui';
import { initializeStreet, signIn, type Admin } from './street-setup';

export const ADMIN: Admin = { username: 'admin', displayName: '王管理', password: 'admin-pass-1' };

export interface AssistanceStreet {
  call<T = unknown>(procedure: string, input: unknown, token?: string): Promise<T>;
  /** The administrator signs in again (the clock moved past the 30-minute idle limit). */
  signInAgain(): Promise<void>;
  /** A caseworker's token (a different person from the administrator, for the 入户调查). */
  caseworker(): Promise<string>;
  communityId: string;
}

export async function setUpAssistanceStreet(backend: Pick<Backend, 'call'>): Promise<AssistanceStreet> {
  let token = await initializeStreet(backend, ADMIN);
  const call = <T>(procedure: string, input: unknown, as?: string) => backendCall<T>(backend, as ?? token, procedure, input);
  const login = async (username: string, password: string) => (await call<{ token: string }>('auth.login', { username, password }, '')).token;
  await call('policy.setParam', { key: 'dibao.employmentReward', value: 30000, effectiveFrom: '2020-06-12', retroactiveReason: '测试：补录就业奖励' });
  await call('users.create', { ...INVESTIGATOR, role: 'caseworker' });
  const communityId = (await call<{ id: string }[]>('org.listCommunities', {}))[0]!.id;
  return {
    call,
    communityId,
    signInAgain: async () => {
      token = await login(ADMIN.username, ADMIN.password);
    },
    caseworker: () => login(INVESTIGATOR.username, INVESTIGATOR.password),
  };
}

/**
 * Apply → 入户调查 (caseworker) → 街道审核 → 公示 (already over) → 区级审批 on the district's behalf; paid
 * from `month`. `dates` give the 公示 and the approval of a test on another clock (default: March 2026).
 */
export async function enrol(s: AssistanceStreet, input: Record<string, unknown>, month: string, dates?: EnrolmentDates): Promise<{ id: string }> {
  const publication = dates ? { publicFrom: dates.publicFrom, publicTo: dates.publicTo } : PAST_PUBLICATION;
  const approval = dates ? { ...DISTRICT_APPROVAL, districtApprovedOn: dates.districtApprovedOn } : DISTRICT_APPROVAL;
  const e = await s.call<{ id: string }>('assistance.apply', input);
  await s.call('assistance.investigate', { id: e.id, note: '入户核实' }, await s.caseworker());
  await s.call('assistance.advance', { id: e.id, step: 'street-review', note: '同意' });
  await s.call('assistance.advance', { id: e.id, step: 'publish', ...publication });
  await s.call('assistance.advance', { id: e.id, step: 'approve', month, note: '区民政局批准', ...approval });
  return e;
}

/** A 低保 enrolment applied for by the household itself, paid from `month`. */
export function enrolDibao(s: AssistanceStreet, householdId: string, month: string): Promise<{ id: string }> {
  return enrol(s, { programme: 'dibao', householdId, note: '本人申请' }, month);
}

/** Opens the app and signs in as the administrator. */
export function openSignedIn(page: Page, url: string): Promise<void> {
  return signIn(page, url, ADMIN);
}

export async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Moves the app's clock (the test clock) to a Shanghai wall time, e.g. '2026-05-20T10:00:00'. */
export function atShanghai(clock: { offsetMs: number }, local: string): void {
  clock.offsetMs = Date.parse(`${local}+08:00`) - Date.now();
}
