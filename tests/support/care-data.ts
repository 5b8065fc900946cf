/**
 * Prepares supported persons with a signed agreement, an issued card, a visit and an emergency plan
 * directly through the backend API (for print tests and the print-cards benchmark). Generated data only.
 */
import type { Backend } from '../../electron/backend/app';
import { withSideStore } from './side-store';
import { makeIdNumber } from '../../shared/id-number';
import { DISTRICT_PARTITION, setParam } from '../../electron/backend/services/policy/params';
import { systemActor } from '../../electron/backend/services/setup/street';

export type Caller = <T = unknown>(procedure: string, input: unknown) => Promise<T>;

export function caller(backend: Pick<Backend, 'call'>, token: string): Caller {
  return async <T,>(procedure: string, input: unknown) => {
    const env = await backend.call(procedure, input, token);
    if (!env.ok) throw new Error(`${procedure}: ${env.error.message}`);
    return env.result as T;
  };
}

/** District figures a street cannot set itself: written on the backend's store, or on an app's data file. */
export function setCareSubsidies(target: Backend | { dataDir: string }, streetCode: string): void {
  if (!('store' in target)) return withSideStore(target.dataDir, (store) => setCareSubsidies({ store } as Backend, streetCode));
  const actor = systemActor(streetCode);
  const base = { effectiveFrom: '2020-06-12', partition: DISTRICT_PARTITION, retroactiveReason: '测试数据' };
  setParam(target.store, actor, { ...base, key: 'tekun.care.full', value: 30000, note: '测试值' });
  setParam(target.store, actor, { ...base, key: 'tekun.care.partial', value: 60000, note: '测试值' });
  setParam(target.store, actor, { ...base, key: 'tekun.care.none', value: 90000, note: '测试值' });
  setParam(target.store, actor, { ...base, key: 'care.supervisionHotline', value: '022-24391234', partition: streetCode });
}

/** YYYYMMDD of a base date plus n days (so that generated ID numbers stay unique for any count). */
function birth(base: string, days: number): string {
  const d = new Date(Date.UTC(Number(base.slice(0, 4)), Number(base.slice(4, 6)) - 1, Number(base.slice(6, 8))) + days * 86_400_000);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['秀英', '桂兰', '德明', '玉珍', '国强', '淑华', '振华', '凤芝', '文举', '宝山', '素云', '长海'];

export interface PreparedCard {
  personId: string;
  personName: string;
  agreementId: string;
  cardId: string;
  cardNumber: string;
  caregiverName: string;
}

/** `blankAt`: the index of a card issued with nothing optional filled in (no plan, no street contact). */
export async function prepareCards(call: Caller, count: number, opts: { seqStart?: number; longAddress?: boolean; blankAt?: number } = {}): Promise<PreparedCard[]> {
  const communities = await call<{ id: string; name: string }[]>('org.listCommunities', {});
  // Today as the app counts it (its injected clock, in Shanghai).
  const { today } = await call<{ today: string }>('app.clock', {});
  const out: PreparedCard[] = [];
  let seq = opts.seqStart ?? 100;
  for (let i = 0; i < count; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
    const community = communities[i % communities.length]!;
    const address =
      opts.longAddress && i % 2 === 0
        ? `东丽区张贵庄街道${community.name}詹滨西里小区${i + 3}号楼2门301室（靠近社区卫生服务站东侧）`
        : `${community.name}詹滨西里${i + 3}号楼2门${(i % 6) + 1}01`;
    const hh = await call<{ members: { id: string }[] }>('registry.createHousehold', {
      household: { communityId: community.id, address, hukouType: 'urban', categories: ['tekun-home'], phone: '13820001234' },
      members: [{ name, idNumber: makeIdNumber('120110', birth('19400101', i * 7 + (seq % 7)), 100 + (seq % 800)), relation: '02' }],
    });
    const personId = hh.members[0]!.id;
    await call('care.saveProfile', {
      personId,
      selfCareMet: { eating: true, dressing: i % 3 !== 0, bed: true, toileting: i % 4 !== 0, walking: true, bathing: false },
      assessedDate: today,
      health: '高血压',
      risks: '独居',
      needs: '助浴、送医',
    });
    const caregiverName = `${SURNAMES[(i + 5) % SURNAMES.length]}照料`;
    const g = await call<{ id: string }>('care.saveCaregiver', {
      caregiver: { name: caregiverName, idNumber: makeIdNumber('120110', birth('19650101', i * 7 + (seq % 7)), 100 + (seq++ % 800)), relation: 'neighbour', phone: '13820005678', address: '詹滨西里1号楼' },
    });
    const a = await call<{ id: string }>('care.createAgreement', {
      personId,
      caregiverId: g.id,
      startDate: today,
      services: ['daily-watch', 'daily-care', 'illness-care', 'home-safety', 'report-needs'],
    });
    await call('care.signAgreement', { id: a.id, signedDate: today });
    const blank = i === opts.blankAt;
    if (!blank) await call('care.savePlan', {
      personId,
      contacts: [{ name: `${name.slice(0, 1)}建国`, relation: '侄子', phone: '13900001111' }],
      hospital: '东丽医院',
      hospitalPhone: '022-24390120',
      conditions: '高血压，按时服药',
      actions: '拨打120送东丽医院，同时通知社区和照料服务人',
    });
    const contact = blank ? { streetContact: null, streetPhone: null } : { streetContact: '王民政', streetPhone: '022-24390000' };
    const card = await call<{ id: string; cardNumber: string }>('care.issueCard', { personId, ...contact });
    out.push({ personId, personName: name, agreementId: a.id, cardId: card.id, cardNumber: card.cardNumber, caregiverName });
  }
  return out;
}
