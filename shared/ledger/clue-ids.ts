/**
 * Ids derived from a 待登记线索's id. Two PCs of a street may both turn the same clue into a ledger
 * item (each offline, or before the other's change has arrived). Were the rows given fresh random
 * ids, the street would end up with two items, two households, two persons. Derived from the clue's
 * id instead, both PCs write the same rows: sync then merges them field by field (last writer wins
 * per field), leaving one item, one household and one person, whichever PC acted.
 */
import { sha256Hex } from '../crypto/sha256';

/** A UUID-shaped id (version 8: name-based, custom) from the clue id and what the row is. */
export function clueDerivedId(clueId: string, what: string): string {
  const h = sha256Hex(`doudi-clue:${clueId}:${what}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The ledger item a clue becomes. */
export const clueItemId = (clueId: string) => clueDerivedId(clueId, 'ledger_items');
/** The item's 'created' event. */
export const clueEventId = (clueId: string) => clueDerivedId(clueId, 'ledger_events:created');
/** The household registered for the clue, and its members by their place in the form. */
export const clueHouseholdId = (clueId: string) => clueDerivedId(clueId, 'households');
export const cluePersonId = (clueId: string, index: number) => clueDerivedId(clueId, `persons:${index}`);
