/** Input schemas of the care.* procedures (Chinese messages naming the field). */
import { z } from 'zod';
import { zCode, zDate, zId, zIdNumber, zInt, zOptText, zPhone, zText } from '../api/zh';
import {
  CARE_SERVICE_ITEMS,
  CAREGIVER_RELATIONS,
  SELF_CARE_INDICATORS,
  VISIT_METHODS,
  VISIT_SERVICES,
  VISITOR_KINDS,
} from './codes';

const zBool = (label: string) => z.boolean({ error: `${label}须选择是或否` });

export const SelfCareMetSchema = z.strictObject(
  Object.fromEntries(SELF_CARE_INDICATORS.map((i) => [i.code, zBool(i.label)])) as Record<
    (typeof SELF_CARE_INDICATORS)[number]['code'],
    z.ZodBoolean
  >,
  { error: '生活自理能力评估须逐项填写六项指标' },
);

export const SaveProfileSchema = z.strictObject({
  personId: zId('供养对象'),
  selfCareMet: SelfCareMetSchema,
  assessedDate: zDate('评估日期'),
  health: zOptText('健康状况', 500, { multiline: true }),
  risks: zOptText('风险情况', 500, { multiline: true }),
  needs: zOptText('照料需求', 500, { multiline: true }),
});

export const CaregiverInputSchema = z.strictObject({
  name: zText('照料服务人姓名', { max: 30 }),
  idNumber: zIdNumber('照料服务人身份证号码'),
  relation: zCode('与供养对象关系', CAREGIVER_RELATIONS),
  phone: zPhone('照料服务人电话').refine((v) => v !== null, { error: '照料服务人电话不能为空' }),
  address: zOptText('照料服务人住址', 200),
  notes: zOptText('备注', 500, { multiline: true }),
});

const servicesSchema = z
  .array(zCode('服务内容', CARE_SERVICE_ITEMS), { error: '服务内容须为列表' })
  .min(1, { error: '服务内容至少选择一项' })
  .max(CARE_SERVICE_ITEMS.length);

const visitInterval = zInt('探访间隔', 1, 366, '天');

export const GuardianSchema = z.strictObject({
  name: zText('丙方监护人姓名', { max: 30 }),
  idNumber: zIdNumber('丙方监护人身份证号码').nullish().transform((v) => v ?? null),
  relation: zOptText('监护人与供养对象关系', 20),
  phone: zPhone('监护人电话'),
});

export const AgreementInputSchema = z.strictObject({
  personId: zId('供养对象'),
  caregiverId: zId('照料服务人'),
  /** false: a two-party agreement (甲方 and 乙方 only). */
  hasPartyC: z.boolean({ error: '是否有丙方须选择是或否' }).default(true),
  guardian: GuardianSchema.nullish().transform((v) => v ?? null),
  startDate: zDate('协议起始日期'),
  /** Defaults to start + the policy's default term. */
  endDate: zDate('协议终止日期').nullish().transform((v) => v ?? null),
  services: servicesSchema,
  /** Defaults to the policy's visit interval. */
  visitIntervalDays: visitInterval.nullish().transform((v) => v ?? null),
});

export const AgreementPatchSchema = z.strictObject({
  caregiverId: zId('照料服务人').optional(),
  hasPartyC: z.boolean({ error: '是否有丙方须选择是或否' }).optional(),
  guardian: GuardianSchema.nullish(),
  startDate: zDate('协议起始日期').optional(),
  endDate: zDate('协议终止日期').optional(),
  services: servicesSchema.optional(),
  visitIntervalDays: visitInterval.optional(),
});

export const ReasonSchema = zText('原因', { max: 200, multiline: true });

export const VisitInputSchema = z.strictObject({
  personId: zId('供养对象'),
  visitDate: zDate('探访日期'),
  visitorKind: zCode('探访人类别', VISITOR_KINDS),
  visitorName: zText('探访人', { max: 30 }),
  orgName: zOptText('社会组织名称', 60),
  method: zCode('探访方式', VISIT_METHODS).default('home'),
  services: z.array(zCode('服务项目', VISIT_SERVICES), { error: '服务项目须为列表' }).min(1, { error: '服务项目至少选择一项' }),
  content: zText('探访内容', { max: 1000, multiline: true }),
  findings: zOptText('发现的问题', 1000, { multiline: true }),
  careFailed: zBool('照料不到位').default(false),
  conditionsPoor: zBool('生活条件差').default(false),
  noOtherCarer: zBool('无其他照料人').default(false),
});

export const PlanInputSchema = z.strictObject({
  personId: zId('供养对象'),
  contacts: z
    .array(
      z.strictObject({
        name: zText('紧急联系人姓名', { max: 30 }),
        relation: zOptText('紧急联系人关系', 20),
        phone: zPhone('紧急联系人电话').refine((v) => v !== null, { error: '紧急联系人电话不能为空' }),
      }),
    )
    .max(5, { error: '紧急联系人最多5人' }),
  hospital: zOptText('就近医院', 60),
  hospitalPhone: zPhone('医院电话'),
  conditions: zOptText('健康风险与注意事项', 500, { multiline: true }),
  actions: zOptText('应急处置措施', 1000, { multiline: true }),
});

export const CardListSchema = z.strictObject({
  communityId: zId('社区').nullish(),
  status: z.enum(['active', 'reissued', 'cancelled'], { error: '卡状态无效' }).nullish(),
  issuedFrom: zDate('发卡起始日期').nullish(),
  issuedTo: zDate('发卡截止日期').nullish(),
  /** Cards valid only up to this day or earlier (expiring or expired). */
  validToBy: zDate('有效期截止日期').nullish(),
});

export const PrintRecordSchema = z.strictObject({
  document: z.enum(['care-cards', 'care-agreement'], { error: '打印文书类型无效' }),
  ids: z.array(zId('打印对象'), { error: '打印对象必须是列表' }).min(1, { error: '请至少选择一个打印对象' }).max(5000, { error: '一次最多打印5000份' }),
  /** print: sent to a printer; pdf: saved as PDF; preview: opened the print preview. */
  mode: z.enum(['print', 'pdf', 'preview'], { error: '打印方式无效' }),
  layout: z.enum(['single', 'a4-8up'], { error: '版式无效' }).nullish(),
});
