/** Communities (社区/村) and grids (网格) of the street. */
import { z } from 'zod';
import { zId, zOptText, zPhone, zText } from '../api/zh';

export const SaveCommunitySchema = z.strictObject({
  id: zId('社区').optional(),
  name: zText('社区名称', { max: 40 }),
  kind: z.enum(['community', 'village'], { error: '社区类型的取值无效' }).default('community'),
  contactName: zOptText('社区联系人', 20),
  contactPhone: zPhone('社区联系电话'),
});

export const SaveGridSchema = z.strictObject({
  id: zId('网格').optional(),
  communityId: zId('所属社区'),
  name: zText('网格名称', { max: 40 }),
  workerName: zOptText('网格员姓名', 20),
  workerPhone: zPhone('网格员电话'),
});

export interface CommunityInfo {
  id: string;
  name: string;
  kind: 'community' | 'village';
  contactName: string | null;
  contactPhone: string | null;
  householdCount: number;
}

export interface GridInfo {
  id: string;
  communityId: string;
  name: string;
  workerName: string | null;
  workerPhone: string | null;
  householdCount: number;
}
