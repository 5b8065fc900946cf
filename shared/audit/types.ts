import { z } from 'zod';
import { zSearch } from '../api/zh';

export const AuditQuerySchema = z.strictObject({
  entity: zSearch('对象类型', 40).optional(),
  entityId: zSearch('对象编号', 40).optional(),
  userId: zSearch('用户', 40).optional(),
  action: zSearch('操作', 60).optional(),
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
