/**
 * The demo street and its accounts, kept apart from every real street: its code lies outside any
 * real division (area 999999, so it passes the 12-digit checks of the office app but is no Dongli
 * street and the district server refuses it), and the account `demo` exists only in demo data.
 */
import { DONGLI_STREETS, type StreetPreset } from './streets';

export const DEMO_STREET: StreetPreset = {
  code: '999999001000',
  name: '张贵庄街道（演示）',
  communities: DONGLI_STREETS[0]!.communities,
};

export const DEMO_OFFICE_NAME = '张贵庄街道公共服务办公室（演示）';

export function isDemoStreet(code: string | null | undefined): boolean {
  return code === DEMO_STREET.code;
}

/** The demo administrator's username: refused for any user of a real street, on the PC and at the server. */
export const DEMO_USERNAME = 'demo';

export function isDemoUsername(username: unknown): boolean {
  return typeof username === 'string' && username.trim().toLowerCase() === DEMO_USERNAME;
}

/** A users row (a change or a pulled row) that would put the demo's account into a real street. */
export function isDemoAccountRow(r: { table: string; partition: string; fields: Record<string, unknown> }): boolean {
  return r.table === 'users' && isDemoUsername(r.fields.username) && !isDemoStreet(r.partition);
}
