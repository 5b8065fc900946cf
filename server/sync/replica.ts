/**
 * Demo data never reaches a real street: the server refuses an enrollment or a push from a replica
 * that says it is a demo or belongs to no Dongli street (before a code is spent or a change stored).
 * A user row named demo in a real street is refused per change (validate.ts, shared/demo.ts).
 */
import { isDemoStreet } from '../../shared/demo';
import { findStreet } from '../../shared/streets';
import { SyncRefusal } from '../../shared/sync/rejections';
import { DISTRICT_PARTITION, type Replica } from '../../shared/sync/wire';

export function refuseDemoReplica(replica: Replica | undefined): void {
  if (!replica) return; // an office PC older than the flag
  if (replica.demo || isDemoStreet(replica.streetCode)) throw new SyncRefusal('demo-replica', undefined, 403);
  const code = replica.streetCode;
  if (code !== null && code !== DISTRICT_PARTITION && !findStreet(code)) {
    throw new SyncRefusal('unknown-street', `本机的街道代码 ${code} 不是东丽区的街道`, 422);
  }
}

