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

export function isDemoStreet(code: string | null | undefined): boolean {
  return code === DEMO_STREET.code;
}

/** The demo administrator's username: refused for any user of a real street, on the PC and at the server. */
export const DEMO_USERNAME = 'demo';

export function isDemoUsername(username: unknown): boolean {
  return typeof username === 'string' && username.trim().toLowerCase() === DEMO_USERNAME;
}
