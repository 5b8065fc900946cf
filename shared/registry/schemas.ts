/** Input schemas of the registry procedures (households and persons). */
import { z } from 'zod';
import {
  ASSISTANCE_CATEGORIES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  ETHNICITIES,
  HEALTH_STATUSES,
  HOUSEHOLD_STATUSES,
  HUKOU_TYPES,
  INCOME_KINDS,
  LABOUR_CAPACITIES,
  MARITAL_STATUSES,
  RELATIONS,
  SELF_CARE_LEVELS,
} from '../codes';
import { zCode, zFen, zId, zIdNumber, zOptCode, zOptText, zPage, zPhone, zSearch, zText } from '../api/zh';

export const IncomeItemSchema = z.strictObject({
  kind: zCode('收入类别', INCOME_KINDS),
  monthlyFen: zFen('月收入'),
  note: zOptText('收入说明', 100),
});
export type IncomeItem = z.output<typeof IncomeItemSchema>;

const personShape = {
  name: zText('姓名', { max: 30 }),
  idNumber: zIdNumber(),
  relation: zCode('与户主关系', RELATIONS),
  ethnicity: zOptCode('民族', ETHNICITIES),
  maritalStatus: zOptCode('婚姻状况', MARITAL_STATUSES),
  health: zCode('健康状况', HEALTH_STATUSES).default('healthy'),
  disabilityCategory: zOptCode('残疾类别', DISABILITY_CATEGORIES),
  disabilityGrade: zOptCode('残疾等级', DISABILITY_GRADES),
  selfCare: zCode('自理能力', SELF_CARE_LEVELS).default('full'),
  labourCapacity: zOptCode('劳动能力', LABOUR_CAPACITIES),
  employment: zOptCode('从业状况', EMPLOYMENT_STATUSES),
  incomes: z.array(IncomeItemSchema, { error: '收入项必须是列表' }).max(20, { error: '收入项不能超过20项' }).default([]),
  phone: zPhone('联系电话'),
  notes: zOptText('备注', 500, { multiline: true }),
};

function checkDisability(
  v: { disabilityCategory?: string | null; disabilityGrade?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.disabilityCategory === undefined && v.disabilityGrade === undefined) return;
  if (!!v.disabilityCategory !== !!v.disabilityGrade) {
    ctx.addIssue({
      code: 'custom',
      path: [v.disabilityCategory ? 'disabilityGrade' : 'disabilityCategory'],
      message: '残疾类别和残疾等级须同时填写或同时留空',
    });
  }
}

export const PersonInputSchema = z.strictObject(personShape).superRefine(checkDisability);
export type PersonInput = z.output<typeof PersonInputSchema>;
export type PersonInputRaw = z.input<typeof PersonInputSchema>;

/** Patch of a person: any subset of the fields. */
export const PersonPatchSchema = z
  .strictObject({
    name: personShape.name,
    idNumber: personShape.idNumber,
    relation: personShape.relation,
    ethnicity: personShape.ethnicity,
    maritalStatus: personShape.maritalStatus,
    health: zCode('健康状况', HEALTH_STATUSES),
    disabilityCategory: personShape.disabilityCategory,
    disabilityGrade: personShape.disabilityGrade,
    selfCare: zCode('自理能力', SELF_CARE_LEVELS),
    labourCapacity: personShape.labourCapacity,
    employment: personShape.employment,
    incomes: z.array(IncomeItemSchema, { error: '收入项必须是列表' }).max(20, { error: '收入项不能超过20项' }),
    phone: personShape.phone,
    notes: personShape.notes,
  })
  .partial()
  .superRefine(checkDisability);
export type PersonPatch = z.output<typeof PersonPatchSchema>;

const householdShape = {
  communityId: zId('所属社区'),
  gridId: zId('所属网格').nullish().transform((v) => v ?? null),
  address: zText('家庭住址', { max: 120 }),
  hukouType: zCode('户籍类型', HUKOU_TYPES),
  phone: zPhone('联系电话'),
  bankName: zOptText('开户银行', 60),
  bankAccount: z
    .string({ error: '银行账号必须是文字' })
    .trim()
    .regex(/^(\d{10,30})?$/, { error: '银行账号应为10至30位数字' })
    .nullish()
    .transform((v) => (v ? v : null)),
  accountHolder: zOptText('账户户名', 30),
  categories: z
    .array(zCode('救助类别', ASSISTANCE_CATEGORIES), { error: '救助类别必须是列表' })
    .max(ASSISTANCE_CATEGORIES.length, { error: '救助类别不能重复填写' })
    .default([])
    .transform((v) => [...new Set(v)]),
  status: zCode('状态', HOUSEHOLD_STATUSES).default('active'),
  notes: zOptText('备注', 500, { multiline: true }),
};

export const HouseholdInputSchema = z.strictObject(householdShape);
export type HouseholdInput = z.output<typeof HouseholdInputSchema>;

export const HouseholdPatchSchema = z
  .strictObject({
    ...householdShape,
    categories: z
      .array(zCode('救助类别', ASSISTANCE_CATEGORIES))
      .max(ASSISTANCE_CATEGORIES.length)
      .transform((v) => [...new Set(v)]),
    status: zCode('状态', HOUSEHOLD_STATUSES),
  })
  .partial();
export type HouseholdPatch = z.output<typeof HouseholdPatchSchema>;

/** The members of a new household: a list of 1–30 people. */
export const MembersSchema = z
  .array(PersonInputSchema, { error: '家庭成员必须是列表' })
  .min(1, { error: '至少需要一名家庭成员（户主）' })
  .max(30, { error: '家庭成员不能超过30人' });

/** One head (户主) among the members, and no ID number twice. */
export function checkMembers(members: z.output<typeof MembersSchema>, ctx: z.RefinementCtx): void {
  const heads = members.filter((m) => m.relation === '02').length;
  if (heads !== 1) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: '家庭成员中须有且只有一名户主' });
  }
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const prev = seen.get(m.idNumber);
    if (prev !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['members', i, 'idNumber'],
        message: `第${i + 1}名成员的身份证号码与第${prev + 1}名成员重复`,
      });
    }
    seen.set(m.idNumber, i);
  });
}

export const CreateHouseholdSchema = z
  .strictObject({
    household: HouseholdInputSchema,
    members: MembersSchema,
  })
  .superRefine((v, ctx) => checkMembers(v.members, ctx));
export type CreateHouseholdInput = z.output<typeof CreateHouseholdSchema>;

export const HouseholdFilterSchema = z.strictObject({
  communityId: zId('社区').optional(),
  gridId: zId('网格').optional(),
  category: zCode('救助类别', ASSISTANCE_CATEGORIES).optional(),
  status: zCode('状态', HOUSEHOLD_STATUSES).optional(),
  q: zSearch('搜索内容', 50).optional(),
});
export type HouseholdFilter = z.output<typeof HouseholdFilterSchema>;

export const ListHouseholdsSchema = z.strictObject({
  ...HouseholdFilterSchema.shape,
  /** At a district device: only this street (omitted: every street); ignored at a street device. */
  streetCode: z.string({ error: '街道代码必须是文字' }).regex(/^\d{12}$/, { error: '街道代码应为12位数字' }).optional(),
  ...zPage(),
});
export type ListHouseholdsInput = z.output<typeof ListHouseholdsSchema>;

export const ReasonSchema = zText('原因', { max: 200, multiline: true });
