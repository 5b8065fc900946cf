/** sync.* procedures: device enrollment, sync status and history, refused changes, sync by file. */
import { emptyInput, proc, STAFF } from '../api/proc';
import {
  EnrollSchema,
  ImportBundleSchema,
  ResolveRejectionSchema,
  type BundleExportResult,
  type BundleImportResult,
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
  /** Sync by file (USB): the outbox for the district, and the district's answer. */
  'sync.exportBundle': proc<BundleExportResult>()(emptyInput, STAFF),
  'sync.importBundle': proc<BundleImportResult>()(ImportBundleSchema, STAFF),
} as const;
