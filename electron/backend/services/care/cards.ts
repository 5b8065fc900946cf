/**
 * 照料服务卡: issued once a signed agreement is in force; numbered per street and year; reissued
 * (old card ends, new number) or cancelled. The card states the service standard (items and visit
 * frequency) of the agreement it was issued under.
 */
import { addDays, addMonths } from '../../../../shared/care/dates';
import { agreementInForce } from '../../../../shared/care/rules';
import type { Card, CardLookup } from '../../../../shared/care/types';
import { cardNumberFromCode } from '../../../../shared/care/card-code';
import type { CardStatus } from '../../../../shared/care/codes';
import { AppError } from '../../../../shared/errors';
import type { Actor, Store } from '../../store/store';
import { nextSerial } from './serials';
import { firstByPerson } from './by-person';
import { paramOn, requireParam } from '../policy/params';
import { personAgreements } from './agreements';
import { assertSupportedAtHome, loadCarePerson, today } from './people';

export interface CardRow {
  id: string;
  person_id: string;
  agreement_id: string | null;
  card_number: string;
  issued_date: string;
  valid_from: string;
  valid_to: string;
  status: CardStatus;
  service_items: string;
  visit_interval_days: number | null;
  hotline: string | null;
  street_contact: string | null;
  street_phone: string | null;
  ended_date: string | null;
  end_reason: string | null;
  person_name: string;
  community_name: string;
}

const SELECT = `SELECT k.*, p.name AS person_name, c.name AS community_name FROM care_cards k
  JOIN persons p ON p.id = k.person_id JOIN households h ON h.id = p.household_id JOIN communities c ON c.id = h.community_id`;

function toCard(r: CardRow): Card {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    communityName: r.community_name,
    cardNumber: r.card_number,
    issuedDate: r.issued_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    endedDate: r.ended_date,
    endReason: r.end_reason,
  };
}

export function loadCardRow(store: Store, streetCode: string, id: string): CardRow {
  const r = store.prepare(`${SELECT} WHERE k.id = ? AND k.street_code = ? AND k.deleted_at IS NULL`).get(id, streetCode) as
    | CardRow
    | undefined;
  if (!r) throw new AppError('not-found', '照料服务卡不存在或已被删除', { field: 'cardId' });
  return r;
}

export function cardRowsByIds(store: Store, streetCode: string, ids: string[]): CardRow[] {
  const out: CardRow[] = [];
  for (const id of ids) out.push(loadCardRow(store, streetCode, id));
  return out;
}

export function personCards(store: Store, streetCode: string, personId: string): Card[] {
  const rows = store
    .prepare(`${SELECT} WHERE k.person_id = ? AND k.street_code = ? AND k.deleted_at IS NULL ORDER BY k.issued_date DESC, k.created_at DESC`)
    .all(personId, streetCode) as CardRow[];
  return rows.map(toCard);
}

/** The card in use: the latest active one (the street's list below picks the same per person). */
const ACTIVE_LATEST = "k.deleted_at IS NULL AND k.status = 'active' ORDER BY k.created_at DESC, k.id";

export function activeCardRow(store: Store, streetCode: string, personId: string): CardRow | undefined {
  return store.prepare(`${SELECT} WHERE k.person_id = ? AND k.street_code = ? AND ${ACTIVE_LATEST} LIMIT 1`).get(personId, streetCode) as CardRow | undefined;
}

/** Every person's card in use of the street at once, as activeCardRow gives it. */
export function streetActiveCards(store: Store, streetCode: string): Map<string, CardRow> {
  return firstByPerson(store.prepare(`${SELECT} WHERE k.street_code = ? AND ${ACTIVE_LATEST}`).all(streetCode) as CardRow[]);
}

export function listCards(
  store: Store,
  streetCode: string,
  f: { communityId?: string | null; status?: string | null; issuedFrom?: string | null; issuedTo?: string | null; validToBy?: string | null },
): Card[] {
  const rows = store
    .prepare(
      `${SELECT} WHERE k.street_code = ? AND k.deleted_at IS NULL AND (? IS NULL OR c.id = ?) AND (? IS NULL OR k.status = ?)
        AND (? IS NULL OR k.issued_date >= ?) AND (? IS NULL OR k.issued_date <= ?) AND (? IS NULL OR k.valid_to <= ?)
       ORDER BY k.issued_date DESC, k.card_number DESC`,
    )
    .all(
      streetCode,
      f.communityId ?? null,
      f.communityId ?? null,
      f.status ?? null,
      f.status ?? null,
      f.issuedFrom ?? null,
      f.issuedFrom ?? null,
      f.issuedTo ?? null,
      f.issuedTo ?? null,
      f.validToBy ?? null,
      f.validToBy ?? null,
    ) as CardRow[];
  return rows.map(toCard);
}

function newCard(
  store: Store,
  actor: Actor,
  personId: string,
  contact: { streetContact: string | null; streetPhone: string | null },
  replacesId: string | null,
  summary: (name: string, number: string) => string,
): string {
  const person = loadCarePerson(store, actor.streetCode, personId);
  assertSupportedAtHome(person);
  const d = today(store);
  const agreement = personAgreements(store, actor.streetCode, personId).find((a) =>
    agreementInForce({ status: a.status, startDate: a.start_date, endDate: a.end_date }, d),
  );
  if (!agreement) throw new AppError('prerequisite-missing', `${person.name}没有正在履行的已签订照料协议，请先签订协议再发卡`, { field: 'personId' });
  const months = requireParam<number>(store, actor.streetCode, 'care.cardValidityMonths', d);
  const byValidity = addDays(addMonths(d, months), -1);
  const validTo = byValidity < agreement.end_date ? byValidity : agreement.end_date;
  const cardNumber = nextSerial(store, 'ZL', actor.streetCode, Number(d.slice(0, 4)));
  const hotline = (paramOn(store, actor.streetCode, 'care.supervisionHotline', d)?.value as string | undefined) ?? null;
  return store.insert(
    'care_cards',
    {
      streetCode: actor.streetCode,
      personId,
      agreementId: agreement.id,
      cardNumber,
      issuedDate: d,
      validFrom: d,
      validTo,
      status: 'active',
      serviceItems: JSON.parse(agreement.services) as string[],
      visitIntervalDays: agreement.visit_interval_days,
      hotline,
      streetContact: contact.streetContact,
      streetPhone: contact.streetPhone,
      replacesId,
    },
    actor,
    { action: 'care.issueCard', summary: summary(person.name, cardNumber) },
  );
}

export function issueCard(
  store: Store,
  actor: Actor,
  input: { personId: string; streetContact: string | null; streetPhone: string | null },
): Card {
  return store.tx(() => {
    const existing = activeCardRow(store, actor.streetCode, input.personId);
    if (existing) throw new AppError('duplicate', `已有有效的照料服务卡（${existing.card_number}），如需换卡请使用“补发”`);
    const id = newCard(store, actor, input.personId, input, null, (n, no) => `发放照料服务卡：${n}，卡号 ${no}`);
    return toCard(loadCardRow(store, actor.streetCode, id));
  });
}

function endCard(store: Store, actor: Actor, row: CardRow, status: CardStatus, reason: string, action: string, summary: string) {
  if (row.status !== 'active') throw new AppError('invalid-transition', `照料服务卡 ${row.card_number} 已失效，不能再${status === 'cancelled' ? '注销' : '补发'}`);
  store.update('care_cards', row.id, { status, endedDate: today(store), endReason: reason }, actor, { action, summary });
}

export function reissueCard(store: Store, actor: Actor, cardId: string, reason: string): Card {
  return store.tx(() => {
    const old = loadCardRow(store, actor.streetCode, cardId);
    endCard(store, actor, old, 'reissued', reason, 'care.reissueCard', `补发照料服务卡：原卡 ${old.card_number} 作废，原因：${reason}`);
    const id = newCard(
      store,
      actor,
      old.person_id,
      { streetContact: old.street_contact, streetPhone: old.street_phone },
      old.id,
      (n, no) => `补发照料服务卡：${n}，新卡号 ${no}（原卡 ${old.card_number}）`,
    );
    return toCard(loadCardRow(store, actor.streetCode, id));
  });
}

export function cancelCard(store: Store, actor: Actor, cardId: string, reason: string): Card {
  return store.tx(() => {
    const row = loadCardRow(store, actor.streetCode, cardId);
    endCard(store, actor, row, 'cancelled', reason, 'care.cancelCard', `注销照料服务卡 ${row.card_number}，原因：${reason}`);
    return toCard(loadCardRow(store, actor.streetCode, cardId));
  });
}

/** The card a scanned code names (its check character verified), in this street. */
export function cardByCode(store: Store, streetCode: string, code: string): CardLookup {
  const number = cardNumberFromCode(code);
  if (!number) throw new AppError('invalid-input', '不是有效的照料服务卡二维码或卡号（校验位不符）', { field: 'code' });
  const r = store
    .prepare(
      `SELECT k.card_number, k.person_id, k.status, p.name FROM care_cards k JOIN persons p ON p.id = k.person_id
        WHERE k.street_code = ? AND k.card_number = ? AND k.deleted_at IS NULL`,
    )
    .get(streetCode, number) as { card_number: string; person_id: string; status: CardStatus; name: string } | undefined;
  if (!r) throw new AppError('not-found', `本街道没有卡号为 ${number} 的照料服务卡`, { field: 'code' });
  return { cardNumber: r.card_number, personId: r.person_id, personName: r.name, status: r.status };
}
