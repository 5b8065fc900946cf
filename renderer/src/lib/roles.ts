/** What each role may do in the interface (the backend enforces the same rules). */
import { labelOf, ROLES, type Role } from '../../../shared/codes';

export function roleLabel(role: Role): string {
  return labelOf(ROLES, role);
}

export function isAdminRole(role: Role): boolean {
  return role === 'street-admin' || role === 'district-admin';
}

/** Supervisors and admins may delete households. */
export function isSupervisorRole(role: Role): boolean {
  return role === 'supervisor' || isAdminRole(role);
}
