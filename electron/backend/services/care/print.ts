/**
 * Data for the print templates (care-service cards, the agreement), and the audit event every print,
 * PDF export or print preview writes.
 */
import { fillTemplate, type AgreementTemplate } from '../../../../shared/care/template';
import { careLevelText, intervalText, serviceItemsText, visitFrequencyText, yuan } from '../../../../shared/care/format';
import { cardCode } from '../../../../shared/care/card-code';
import { agreementMissing, cardMissing } from '../../../../shared/care/print-checks';
import { paramOn } from '../policy/params';
import { nextSerial } from './serials';
import type { AgreementPrint, CardPrint } from '../../../../shared/care/types';
import { CAREGIVER_RELATIONS } from '../../../../shared/care/codes';
import { agreementStatusOn } from '../../../../shared/care/rules';
import { zhDate } from '../../../../shared/care/dates';
import { labelOf, SELF_CARE_LEVELS } from '../../../../shared/codes';
import { maskIdNumber } from '../../../../shared/id-number';
import type { Actor, Store } from '../../store/store';
import { currentStreet } from '../setup/street';
import { loadAgreementRow } from './agreements';
import { loadCaregiverRow } from './caregivers';
import { cardRowsByIds } from './cards';
import { loadCarePerson, today } from './people';
import { loadProfile } from './profiles';
import { loadPlan } from './visits';

function officeName(store: Store): string {
  return currentStreet(store)?.officeName ?? '';
}

export function cardPrintData(store: Store, streetCode: string, ids: string[]): CardPrint[] {
  const office = officeName(store);
  return cardRowsByIds(store, streetCode, ids).map((c) => {
    const p = loadCarePerson(store, streetCode, c.person_id);
    const agreement = c.agreement_id ? loadAgreementRow(store, streetCode, c.agreement_id) : null;
    const caregiver = agreement ? loadCaregiverRow(store, streetCode, agreement.caregiver_id) : null;
    const plan = loadPlan(store, c.person_id);
    const profile = loadProfile(store, c.person_id);
    const emergency = plan
      ? [
          plan.contacts[0] ? `紧急联系人${plan.contacts[0].name} ${plan.contacts[0].phone}` : '',
          plan.hospital ? `就近医院${plan.hospital}${plan.hospitalPhone ? ` ${plan.hospitalPhone}` : ''}` : '',
        ]
          .filter(Boolean)
          .join('；')
      : '';
    const card = {
      cardId: c.id,
      cardNumber: c.card_number,
      personName: p.name,
      personSex: p.sex === 'male' ? '男' : '女',
      personIdMasked: maskIdNumber(p.id_number),
      personAddress: p.address,
      selfCare: labelOf(SELF_CARE_LEVELS, profile?.selfCareLevel ?? null),
      caregiverName: caregiver?.name ?? '',
      caregiverPhone: caregiver?.phone ?? '',
      communityName: p.community_name,
      communityContact: p.community_contact ?? '',
      communityPhone: p.community_phone ?? '',
      streetContact: c.street_contact ?? '',
      streetPhone: c.street_phone ?? '',
      hotline: c.hotline ?? '',
      serviceItems: (JSON.parse(c.service_items) as string[]).map((s) => serviceItemsText([s])),
      visitFrequency: visitFrequencyText(c.visit_interval_days),
      emergency,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      issuedBy: office,
      qrText: cardCode(c.card_number),
      status: c.status,
    };
    return { ...card, missing: cardMissing(card) };
  });
}

/** The agreement as printed, with the parties' full ID numbers: the view is audited. */
export function agreementPrintData(store: Store, actor: Actor, id: string): AgreementPrint {
  const streetCode = actor.streetCode;
  const a = loadAgreementRow(store, streetCode, id);
  const p = loadCarePerson(store, streetCode, a.person_id);
  const g = loadCaregiverRow(store, streetCode, a.caregiver_id);
  store.tx(() =>
    store.audit(actor, {
      action: 'care.viewAgreementPrint',
      entity: 'care_agreements',
      entityId: a.id,
      summary: `查看委托照料服务协议（含完整身份证号）：${p.name}`,
      detail: { personIds: [p.id], caregiverId: g.id },
    }),
  );
  const profile = loadProfile(store, a.person_id);
  const office = officeName(store);
  const agreementNumber = a.agreement_number ?? numberOlderAgreement(store, actor, a.id, a.created_at);
  const hotline = (paramOn(store, streetCode, 'care.supervisionHotline', today(store))?.value as string | undefined) ?? '';
  const partyC =
    a.has_party_c !== 1
      ? null
      : a.guardian_name
        ? { name: a.guardian_name, idNumber: a.guardian_id_number, phone: a.guardian_phone, role: `监护人${a.guardian_relation ? `（${a.guardian_relation}）` : ''}` }
        : { name: p.name, idNumber: p.id_number, phone: p.phone ?? p.household_phone, role: '供养对象本人' };
  const filled = fillTemplate(a.template ? (JSON.parse(a.template) as AgreementTemplate) : ({} as AgreementTemplate), {
    'office.name': office,
    'office.phone': null,
    'caregiver.name': g.name,
    'caregiver.idNumber': g.id_number,
    'caregiver.phone': g.phone,
    'caregiver.address': g.address,
    'person.name': p.name,
    'person.idNumber': p.id_number,
    'person.address': p.address,
    'person.selfCare': labelOf(SELF_CARE_LEVELS, profile?.selfCareLevel ?? null),
    'guardian.name': a.guardian_name,
    startDate: zhDate(a.start_date),
    endDate: zhDate(a.end_date),
    services: serviceItemsText(JSON.parse(a.services) as string[]),
    visitFrequency: intervalText(a.visit_interval_days),
    subsidy: `${yuan(a.subsidy_fen)}（${careLevelText(a.care_level)}）`,
    careLevel: careLevelText(a.care_level),
  });
  const doc = {
    agreementId: a.id,
    status: agreementStatusOn({ status: a.status, startDate: a.start_date, endDate: a.end_date }, today(store)),
    filled,
    partyA: { name: office, address: null, phone: null },
    partyB: { name: g.name, idNumber: g.id_number, phone: g.phone, address: g.address, relation: labelOf(CAREGIVER_RELATIONS, g.relation) },
    partyC,
    person: { name: p.name, idNumber: p.id_number, address: p.address },
    signedDate: a.signed_date,
    agreementNumber,
    hotline,
  };
  return { ...doc, missing: agreementMissing(doc) };
}

/** An agreement drawn up before numbering gets its number (of its own year) when first printed. */
function numberOlderAgreement(store: Store, actor: Actor, id: string, createdAt: string): string {
  return store.tx(() => {
    const no = nextSerial(store, 'XY', actor.streetCode, Number(createdAt.slice(0, 4)));
    store.update('care_agreements', id, { agreementNumber: no }, actor, { action: 'care.numberAgreement', summary: `协议编号：${no}` });
    return no;
  });
}

export function recordPrint(
  store: Store,
  actor: Actor,
  input: { document: 'care-cards' | 'care-agreement'; ids: string[]; mode: 'print' | 'pdf' | 'preview'; layout?: string | null },
): { ok: true } {
  const what = input.document === 'care-cards' ? `照料服务卡 ${input.ids.length} 张` : '委托照料服务协议';
  const how = { print: '打印', pdf: '导出PDF', preview: '打印预览' }[input.mode];
  // Validates that the documents exist in this street before recording.
  if (input.document === 'care-cards') cardRowsByIds(store, actor.streetCode, input.ids);
  else for (const id of input.ids) loadAgreementRow(store, actor.streetCode, id);
  store.tx(() =>
    store.audit(actor, {
      action: `care.${input.mode === 'pdf' ? 'exportPdf' : input.mode === 'preview' ? 'previewPrint' : 'print'}`,
      entity: input.document === 'care-cards' ? 'care_cards' : 'care_agreements',
      entityId: input.ids.length === 1 ? input.ids[0]! : null,
      summary: `${how}${what}`,
      detail: { document: input.document, ids: input.ids, mode: input.mode, layout: input.layout ?? null },
    }),
  );
  return { ok: true };
}
