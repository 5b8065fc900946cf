/** registry.* procedures: households, persons, search, Excel. */
import { z } from 'zod';
import { emptyInput, proc, STAFF, SUPERVISORS } from '../api/proc';
import { zCode, zDate, zId, zInt, zOptText, zSearch, zText } from '../api/zh';
import { RELATIONS } from '../codes';
import {
  CreateHouseholdSchema,
  HouseholdFilterSchema,
  HouseholdPatchSchema,
  ListHouseholdsSchema,
  PersonInputSchema,
  PersonPatchSchema,
  ReasonSchema,
} from './schemas';
import type {
  FileOut,
  HouseholdDetail,
  HouseholdRow,
  ImportPreview,
  ImportResult,
  Page,
  PersonDetail,
  SearchHit,
} from './types';

export const registryProcedures = {
  'registry.listHouseholds': proc<Page<HouseholdRow>>()(ListHouseholdsSchema, STAFF),
  'registry.search': proc<SearchHit[]>()(
    z.strictObject({
      q: zSearch('搜索内容', 50),
      limit: zInt('条数', 1, 50).default(10),
    }),
    STAFF,
  ),
  'registry.getHousehold': proc<HouseholdDetail>()(z.strictObject({ id: zId('家庭') }), STAFF),
  'registry.createHousehold': proc<HouseholdDetail>()(CreateHouseholdSchema, STAFF),
  'registry.updateHousehold': proc<HouseholdDetail>()(
    z.strictObject({ id: zId('家庭'), patch: HouseholdPatchSchema }),
    STAFF,
  ),
  'registry.deleteHousehold': proc<{ ok: true }>()(z.strictObject({ id: zId('家庭'), reason: ReasonSchema }), SUPERVISORS),
  'registry.addPerson': proc<PersonDetail>()(
    z.strictObject({ householdId: zId('家庭'), person: PersonInputSchema }),
    STAFF,
  ),
  'registry.updatePerson': proc<PersonDetail>()(z.strictObject({ id: zId('人员'), patch: PersonPatchSchema }), STAFF),
  'registry.movePerson': proc<PersonDetail>()(
    z.strictObject({
      id: zId('人员'),
      toHouseholdId: zId('目标家庭'),
      relation: zCode('与户主关系', RELATIONS),
    }),
    STAFF,
  ),
  'registry.deletePerson': proc<{ ok: true }>()(z.strictObject({ id: zId('人员'), reason: ReasonSchema }), STAFF),
  /** 登记死亡: the person stays on record with the date; entitlements end after that month. */
  'registry.recordDeath': proc<PersonDetail>()(
    z.strictObject({ personId: zId('人员'), diedOn: zDate('死亡日期'), note: zOptText('说明', 200) }),
    STAFF,
  ),
  /** 更正死亡日期 (supervisors): the new date and why; what the death stopped follows the date. */
  'registry.correctDeath': proc<PersonDetail>()(
    z.strictObject({ personId: zId('人员'), diedOn: zDate('死亡日期'), reason: ReasonSchema }),
    SUPERVISORS,
  ),
  /** 撤销死亡登记 (supervisors): a death recorded on the wrong person is cleared, what it stopped runs again. */
  'registry.withdrawDeath': proc<PersonDetail>()(z.strictObject({ personId: zId('人员'), reason: ReasonSchema }), SUPERVISORS),
  'registry.exportHouseholds': proc<FileOut>()(HouseholdFilterSchema, STAFF),
  'registry.importTemplate': proc<FileOut>()(emptyInput, STAFF),
  'registry.importPreview': proc<ImportPreview>()(
    z.strictObject({
      fileName: zText('文件名', { max: 200 }),
      base64: z
        .string({ error: '文件内容缺失' })
        .min(1, { error: '文件内容为空' })
        .max(30_000_000, { error: '文件过大：导入文件不能超过20MB' }),
    }),
    STAFF,
  ),
  'registry.importCommit': proc<ImportResult>()(z.strictObject({ importId: zId('导入批次') }), STAFF),
} as const;
