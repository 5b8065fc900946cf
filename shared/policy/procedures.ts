/** policy.* procedures: effective-dated policy parameters. */
import { z } from 'zod';
import { ADMINS, emptyInput, proc, STAFF } from '../api/proc';
import { zDate, zJsonValue, zOptText, zText } from '../api/zh';
import type { ParamListItem, ParamRecord } from './types';

export const SetParamSchema = z.strictObject({
  key: zText('参数', { max: 80 }),
  value: zJsonValue('取值'),
  effectiveFrom: zDate('生效日期'),
  note: zOptText('依据/备注', 300, { multiline: true }),
  retroactiveReason: zOptText('追溯调整原因', 300, { multiline: true }),
});

export const policyProcedures = {
  'policy.listParams': proc<ParamListItem[]>()(emptyInput, STAFF),
  'policy.setParam': proc<ParamRecord>()(SetParamSchema, ADMINS),
} as const;
