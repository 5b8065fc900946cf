/**
 * Taking an enrolment through its steps in API tests, as the rules order them: the 入户调查 by a
 * caseworker, the 街道审核 by someone else (the signed-in administrator), a 公示 that has already run
 * (2026-03-05 to 03-11, tests start on 2026-03-15) and the 区级审批 recorded on the district's behalf.
 */
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { Harness } from './harness';

export const PAST_PUBLICATION = { publicFrom: '2026-03-05', publicTo: '2026-03-11' } as const;
export const DISTRICT_APPROVAL = { districtDocNo: '东民救批〔2026〕12号', districtApprovedOn: '2026-03-13' } as const;
export const INVESTIGATOR = { username: 'dcy', displayName: '调查员', password: 'dcy-pass-2026' } as const;

/** A caseworker's session for the 入户调查 (created on first use). */
export async function investigatorToken(h: Harness, adminToken?: string): Promise<string> {
  const login = () => h.raw('auth.login', { username: INVESTIGATOR.username, password: INVESTIGATOR.password }, null);
  let r = await login();
  if (!r.ok) {
    await h.call('users.create', { ...INVESTIGATOR, role: 'caseworker' }, adminToken);
    r = await login();
  }
  if (!r.ok) throw new Error(`investigator sign-in: ${r.error.message}`);
  return (r.result as { token: string }).token;
}

/** The 公示 and the district's approval of a test on another clock (e.g. 2020): dates already past. */
export interface EnrolmentDates {
  publicFrom: string;
  publicTo: string;
  districtApprovedOn: string;
}

/** Apply → 入户调查 → 街道审核 → 公示 → 区级审批; payment from `month`. */
export async function enrolThroughSteps(
  h: Harness,
  input: InputOf<'assistance.apply'>,
  month: string,
  adminToken?: string,
  dates?: EnrolmentDates,
): Promise<OutputOf<'assistance.advance'>> {
  const publication = dates ? { publicFrom: dates.publicFrom, publicTo: dates.publicTo } : PAST_PUBLICATION;
  const approval = dates ? { ...DISTRICT_APPROVAL, districtApprovedOn: dates.districtApprovedOn } : DISTRICT_APPROVAL;
  const e = await h.call('assistance.apply', input, adminToken);
  await h.call('assistance.investigate', { id: e.id, note: '入户核实' }, await investigatorToken(h, adminToken));
  await h.call('assistance.advance', { id: e.id, step: 'street-review', note: '同意' }, adminToken);
  await h.call('assistance.advance', { id: e.id, step: 'publish', ...publication }, adminToken);
  return h.call('assistance.advance', { id: e.id, step: 'approve', month, note: '区民政局批准', ...approval }, adminToken);
}
