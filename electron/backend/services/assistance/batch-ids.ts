/**
 * Ids of payment batches and their rows, derived from what they are (street, programme, month; a
 * row's batch, kind, month concerned and enrolment), so that two PCs of a street that generate or
 * confirm the same batch write the same records and converge on one batch.
 */
import { sha256Hex } from '../../../../shared/crypto/sha256';

/** A UUID-shaped id (version 8, RFC 9562 custom) from a name. */
export function nameId(name: string): string {
  const h = sha256Hex(`doudi-desk/${name}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function batchIdOf(street: string, programme: string, month: string): string {
  return nameId(`payment-batch/${street}/${programme}/${month}`);
}

export function batchRowIdOf(batchId: string, kind: string, forMonth: string, enrolmentId: string): string {
  return nameId(`payment-batch-row/${batchId}/${kind}/${forMonth}/${enrolmentId}`);
}
