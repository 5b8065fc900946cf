/** care.* procedures: 分散供养特困人员照料服务 (work plan 二(三)). */
import { z } from 'zod';
import { proc, STAFF, SUPERVISORS } from '../api/proc';
import { zDate, zId, zOptText, zPhone, zSearch, zText } from '../api/zh';
import {
  AgreementInputSchema,
  AgreementPatchSchema,
  CaregiverInputSchema,
  CardListSchema,
  PlanInputSchema,
  PrintRecordSchema,
  ReasonSchema,
  SaveProfileSchema,
  VisitInputSchema,
} from './schemas';
import type {
  Agreement,
  AgreementPrint,
  BoardRow,
  Card,
  CardLookup,
  CardPrint,
  Caregiver,
  CarePersonDetail,
  CareProfile,
  EmergencyPlan,
  Visit,
} from './types';

const personId = z.strictObject({ personId: zId('供养对象') });

export const careProcedures = {
  'care.board': proc<BoardRow[]>()(
    z.strictObject({ communityId: zId('社区').nullish(), gapsOnly: z.boolean().default(false) }),
    STAFF,
  ),
  'care.getPerson': proc<CarePersonDetail>()(personId, STAFF),
  'care.saveProfile': proc<CareProfile>()(SaveProfileSchema, STAFF),
  'care.recordTransfer': proc<CareProfile>()(
    z.strictObject({
      personId: zId('供养对象'),
      date: zDate('转入集中供养日期'),
      institution: zText('供养机构', { max: 60 }),
      reason: zText('转入原因', { max: 500, multiline: true }),
    }),
    SUPERVISORS,
  ),
  'care.listCaregivers': proc<Caregiver[]>()(z.strictObject({ q: zSearch('搜索内容', 30).nullish() }), STAFF),
  'care.saveCaregiver': proc<Caregiver>()(
    z.strictObject({ id: zId('照料服务人').nullish(), caregiver: CaregiverInputSchema }),
    STAFF,
  ),
  'care.createAgreement': proc<Agreement>()(AgreementInputSchema, STAFF),
  'care.updateAgreement': proc<Agreement>()(z.strictObject({ id: zId('协议'), patch: AgreementPatchSchema }), STAFF),
  'care.signAgreement': proc<Agreement>()(z.strictObject({ id: zId('协议'), signedDate: zDate('签订日期') }), STAFF),
  'care.terminateAgreement': proc<Agreement>()(
    z.strictObject({ id: zId('协议'), date: zDate('解除日期'), reason: ReasonSchema }),
    SUPERVISORS,
  ),
  'care.renewalsDue': proc<Agreement[]>()(z.strictObject({}), STAFF),
  'care.issueCard': proc<Card>()(
    z.strictObject({
      personId: zId('供养对象'),
      streetContact: zOptText('街道联系人', 30),
      streetPhone: zPhone('街道联系电话'),
    }),
    STAFF,
  ),
  'care.reissueCard': proc<Card>()(z.strictObject({ cardId: zId('照料服务卡'), reason: ReasonSchema }), STAFF),
  'care.cancelCard': proc<Card>()(z.strictObject({ cardId: zId('照料服务卡'), reason: ReasonSchema }), SUPERVISORS),
  'care.listCards': proc<Card[]>()(CardListSchema, STAFF),
  'care.recordVisit': proc<Visit>()(VisitInputSchema, STAFF),
  'care.savePlan': proc<EmergencyPlan>()(PlanInputSchema, STAFF),
  'care.cardPrintData': proc<CardPrint[]>()(z.strictObject({ ids: z.array(zId('照料服务卡'), { error: '照料服务卡必须是列表' }).min(1, { error: '请至少选择一张照料服务卡' }).max(5000, { error: '一次最多5000张' }) }), STAFF),
  'care.agreementPrintData': proc<AgreementPrint>()(z.strictObject({ id: zId('协议') }), STAFF),
  'care.cardByCode': proc<CardLookup>()(z.strictObject({ code: zText('卡号或二维码', { max: 80 }) }), STAFF),
  'care.recordPrint': proc<{ ok: true }>()(PrintRecordSchema, STAFF),
} as const;
