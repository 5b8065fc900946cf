/** 照料服务人: who cares for supported persons, and how many each cares for. */
import type { Caregiver } from '../../../../shared/care/types';
import { maskIdNumber } from '../../../../shared/id-number';
import { AppError } from '../../../../shared/errors';
import type { Actor, Store } from '../../store/store';
import { today } from './people';

interface CaregiverRow {
  id: string;
  name: string;
  id_number: string;
  relation: string;
  phone: string;
  address: string | null;
  notes: string | null;
  caseload: number;
}

const SELECT = `SELECT g.*, (SELECT count(*) FROM care_agreements a WHERE a.caregiver_id = g.id AND a.deleted_at IS NULL
    AND a.status = 'signed' AND a.start_date <= ? AND a.end_date >= ?) AS caseload FROM caregivers g`;

function toCaregiver(r: CaregiverRow): Caregiver {
  return {
    id: r.id,
    name: r.name,
    idMasked: maskIdNumber(r.id_number),
    relation: r.relation,
    phone: r.phone,
    address: r.address,
    notes: r.notes,
    caseload: r.caseload,
  };
}

export function loadCaregiverRow(store: Store, streetCode: string, id: string): CaregiverRow {
  const d = today(store);
  const r = store
    .prepare(`${SELECT} WHERE g.id = ? AND g.street_code = ? AND g.deleted_at IS NULL`)
    .get(d, d, id, streetCode) as CaregiverRow | undefined;
  if (!r) throw new AppError('not-found', '照料服务人不存在或已被删除', { field: 'caregiverId' });
  return r;
}

export function listCaregivers(store: Store, streetCode: string, q: string | null): Caregiver[] {
  const d = today(store);
  const like = q ? `%${q}%` : null;
  const rows = store
    .prepare(
      `${SELECT} WHERE g.street_code = ? AND g.deleted_at IS NULL
        AND (? IS NULL OR g.name LIKE ? OR g.phone LIKE ? OR g.id_number LIKE ?) ORDER BY g.name`,
    )
    .all(d, d, streetCode, like, like, like, like) as CaregiverRow[];
  return rows.map(toCaregiver);
}

export interface CaregiverInput {
  name: string;
  idNumber: string;
  relation: string;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

export function saveCaregiver(store: Store, actor: Actor, id: string | null, input: CaregiverInput): Caregiver {
  return store.tx(() => {
    const dup = store
      .prepare('SELECT id FROM caregivers WHERE id_number = ? AND street_code = ? AND deleted_at IS NULL')
      .get(input.idNumber, actor.streetCode) as { id: string } | undefined;
    if (dup && dup.id !== id) {
      throw new AppError('duplicate', '该身份证号码的照料服务人已登记，请直接选用', {
        field: 'caregiver.idNumber',
        details: { caregiverId: dup.id },
      });
    }
    let cid: string;
    if (id) {
      loadCaregiverRow(store, actor.streetCode, id);
      store.update('caregivers', id, { ...input }, actor, { action: 'care.updateCaregiver', summary: `修改照料服务人 ${input.name}` });
      cid = id;
    } else {
      cid = store.insert('caregivers', { ...input, streetCode: actor.streetCode }, actor, {
        action: 'care.addCaregiver',
        summary: `登记照料服务人 ${input.name}`,
      });
    }
    return toCaregiver(loadCaregiverRow(store, actor.streetCode, cid));
  });
}
