/** audit.* procedures. */
import { z } from 'zod';
import { proc, SUPERVISORS } from '../api/proc';
import { zPage } from '../api/zh';
import type { Page } from '../registry/types';
import { AuditQuerySchema, type AuditEventInfo } from './types';

export const auditProcedures = {
  'audit.list': proc<Page<AuditEventInfo>>()(z.strictObject({ ...AuditQuerySchema.shape, ...zPage() }), SUPERVISORS),
} as const;
