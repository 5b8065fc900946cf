/**
 * Ids of warnings and department records, derived from what they are, so that the same data
 * imported on two PCs (or at the district and on a street PC) writes the same rows and converges
 * instead of raising a second warning.
 */
import { nameId } from '../crypto/name-id';

export function warningIdOf(streetCode: string, dedupeKey: string): string {
  return nameId(`warning/${streetCode}/${dedupeKey}`);
}

/** A record of a department file's row: the file (by its hash) and the row's number in it. */
export function departmentRecordIdOf(fileSha256: string, rowNumber: number): string {
  return nameId(`department-record/${fileSha256}/${rowNumber}`);
}
