/**
 * Ids of payment batches and their rows, derived from what they are (street, programme, month; a
 * row's batch, kind, month concerned and enrolment), so that two PCs of a street that generate or
 * confirm the same batch write the same records and converge on one batch.
 */
import { nameId } from '../../../../shared/crypto/name-id';

export { nameId };

export function batchIdOf(street: string, programme: string, month: string): string {
  return nameId(`payment-batch/${street}/${programme}/${month}`);
}

export function batchRowIdOf(batchId: string, kind: string, forMonth: string, enrolmentId: string): string {
  return nameId(`payment-batch-row/${batchId}/${kind}/${forMonth}/${enrolmentId}`);
}
