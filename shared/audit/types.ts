import { z } from 'zod';

export const AuditQuerySchema = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  userId: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
});

export interface AuditEventInfo {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  detail: unknown;
}
