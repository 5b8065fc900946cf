/** leftBehind.* procedures: 留守 records per person (work plan 二(四), issue 17). */
import { z } from 'zod';
import { proc, STAFF } from '../api/proc';
import { zCode, zDate, zId, zOptCode, zOptText, zPhone, zText } from '../api/zh';
import {
  AWAY_RELATIONS,
  LEFT_BEHIND_CLOSE_REASONS,
  LEFT_BEHIND_KINDS,
  LEFT_BEHIND_REASONS,
  LIVING_ARRANGEMENTS,
  type LeftBehindCloseReason,
  type LeftBehindDetails,
  type LeftBehindKind,
} from './types';

export const LEFT_BEHIND_FILTERS = [
  { code: 'open', label: '在档' },
  { code: 'stale', label: '逾期未更新' },
  { code: 'age-out', label: '已满年龄待关闭' },
  { code: 'closed', label: '已关闭' },
  { code: 'all', label: '全部' },
] as const;
export type LeftBehindFilter = (typeof LEFT_BEHIND_FILTERS)[number]['code'];

export interface LeftBehindRecordView extends LeftBehindDetails {
  id: string;
  personId: string;
  personName: string;
  sex: 'male' | 'female';
  age: number;
  householdId: string;
  communityId: string;
  communityName: string;
  address: string;
  kind: LeftBehindKind;
  openedOn: string;
  lastUpdatedOn: string;
  /** The last day the record is current; stale from the day after (while open). */
  updateDueOn: string;
  stale: boolean;
  /** 留守儿童: the day the child reaches the age limit; null for the other kinds. */
  ageOutOn: string | null;
  /** Open, and the child has reached the age limit: to be closed. */
  ageOut: boolean;
  closedOn: string | null;
  closeReason: LeftBehindCloseReason | null;
  closeNote: string | null;
}

/** A household still tagged 留守 whose members have no open record of that kind (待建档). */
export interface LeftBehindPending {
  householdId: string;
  address: string;
  communityName: string;
  headName: string;
  kind: LeftBehindKind;
}

export interface LeftBehindList {
  rows: LeftBehindRecordView[];
  /** Open records, and of them stale and aged out (the 工作台 figure counts `stale` by this query). */
  openCount: number;
  staleCount: number;
  ageOutCount: number;
  /** Old household tags not yet turned into records by staff (never made up automatically). */
  pending: LeftBehindPending[];
}

const AwayMemberSchema = z.strictObject({
  name: zText('外出家人姓名', { max: 30 }),
  relation: zCode('外出家人与本人关系', AWAY_RELATIONS),
  whereabouts: zText('外出地点', { max: 60 }),
  since: zDate('外出时间'),
});

const DetailsShape = {
  reason: zCode('留守原因', LEFT_BEHIND_REASONS),
  reasonNote: zOptText('原因说明', 500, { multiline: true }),
  away: z.array(AwayMemberSchema, { error: '外出家人必须是列表' }).min(1, { error: '请至少登记一名外出家人' }).max(10, { error: '外出家人最多登记10人' }),
  guardianName: zOptText('监护人姓名', 30),
  guardianRelation: zOptText('监护人与儿童关系', 20),
  guardianPhone: zPhone('监护人联系电话'),
  school: zOptText('就读学校', 60),
  livingArrangement: zOptCode('居住情况', LIVING_ARRANGEMENTS),
  notes: zOptText('备注', 500, { multiline: true }),
};

export const leftBehindProcedures = {
  'leftBehind.list': proc<LeftBehindList>()(
    z.strictObject({
      kind: zOptCode('留守类别', LEFT_BEHIND_KINDS),
      communityId: zId('社区').nullish(),
      householdId: zId('家庭').nullish(),
      filter: zCode('筛选', LEFT_BEHIND_FILTERS).default('open'),
    }),
    STAFF,
  ),
  'leftBehind.get': proc<LeftBehindRecordView>()(z.strictObject({ id: zId('留守档案') }), STAFF),
  'leftBehind.open': proc<LeftBehindRecordView>()(
    z.strictObject({ personId: zId('人员'), kind: zCode('留守类别', LEFT_BEHIND_KINDS), openedOn: zDate('建档日期'), ...DetailsShape }),
    STAFF,
  ),
  'leftBehind.update': proc<LeftBehindRecordView>()(
    z.strictObject({ id: zId('留守档案'), updatedOn: zDate('核实日期'), ...DetailsShape }),
    STAFF,
  ),
  'leftBehind.close': proc<LeftBehindRecordView>()(
    z.strictObject({
      id: zId('留守档案'),
      closedOn: zDate('关闭日期'),
      reason: zCode('关闭原因', LEFT_BEHIND_CLOSE_REASONS),
      note: zOptText('关闭说明', 500, { multiline: true }),
    }),
    STAFF,
  ),
} as const;
