/** Which roles a user may give: none above their own (a street admin makes at most street admins of its street). */
import { labelOf, ROLES, type Role } from '../codes';

const RANK: Record<Role, number> = { caseworker: 0, supervisor: 1, 'street-admin': 2, 'district-admin': 3 };

export function mayGrantRole(granter: Role, role: Role): boolean {
  return RANK[role] <= RANK[granter];
}

/** The refusal's message, naming the role asked for and the granter's own. */
export function grantRefusal(granter: Role, role: Role): string {
  return `不能设置“${labelOf(ROLES, role)}”角色：只能设置不高于本人（${labelOf(ROLES, granter)}）的角色`;
}
