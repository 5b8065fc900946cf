/** household.* procedures: the household's file (一户一档) and its print record. */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import { zId } from '../api/zh';
import type { HouseholdFile } from './types';

export const householdProcedures = {
  'household.file': proc<HouseholdFile>()(z.strictObject({ id: zId('家庭') }), STAFF),
  /** The file was printed or saved as PDF: recorded in the audit (and so in the file's 打印记录). */
  'household.recordPrint': proc<{ ok: true }>()(
    z.strictObject({ id: zId('家庭'), mode: z.enum(['print', 'pdf'], { error: '打印方式无效' }) }),
    STAFF,
  ),
} as const;
