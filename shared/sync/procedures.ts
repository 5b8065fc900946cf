/** sync.* procedures: device enrollment, sync status and history, refused changes. */
import { emptyInput, proc, STAFF } from '../api/proc';
import {
  EnrollSchema,
  ResolveRejectionSchema,
  type EnrollResult,
  type RejectedChangeInfo,
  type SyncRunInfo,
  type SyncStatus,
} from './status';

export const syncProcedures = {
  /** Public: the enrollment screen of an empty device needs it before anyone can sign in. */
  'sync.status': proc<SyncStatus>()(emptyInput, 'public', { background: true }),
  /** Public only on an empty device; once it holds data, a street or district administrator. */
  'sync.enroll': proc<EnrollResult>()(EnrollSchema, 'public'),
  'sync.syncNow': proc<SyncRunInfo>()(emptyInput, STAFF),
  'sync.history': proc<SyncRunInfo[]>()(emptyInput, STAFF),
  'sync.rejections': proc<RejectedChangeInfo[]>()(emptyInput, STAFF),
  'sync.resolveRejection': proc<{ ok: true }>()(ResolveRejectionSchema, STAFF),
} as const;
