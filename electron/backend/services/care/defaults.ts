/**
 * The care figures a new street starts with: data with an effective date and a source note, set
 * through setParam at street set-up (skipped for keys that already have a value). Amounts of the
 * care subsidy are NOT seeded: no Tianjin figure was found (DOMAIN §1.2) and the district must set them.
 */
import type { Actor, Store } from '../../store/store';
import { DISTRICT_PARTITION, paramHistory, setParam } from '../policy/params';
import { DEFAULT_AGREEMENT_TEMPLATE } from './default-template';

const EFFECTIVE = '2020-06-12';
const WHY = '新街道初始默认值（津丽民发〔2020〕13号印发日起）';

export const CARE_DEFAULTS: { key: string; value: unknown; note: string; partition: 'district' | 'street' }[] = [
  {
    key: 'care.visitIntervalDays',
    value: 31,
    note: '探视责任人每月至少探访一次（参照安徽省2022年分散供养特困人员照料服务指引，待区民政局确认）',
    partition: 'district',
  },
  { key: 'care.renewalNoticeDays', value: 30, note: '协议到期前30日提醒续签（工作惯例，可调整）', partition: 'district' },
  { key: 'care.agreementTermMonths', value: 12, note: '协议默认期限一年（工作惯例，可调整）', partition: 'district' },
  { key: 'care.cardValidityMonths', value: 12, note: '照料服务卡有效期一年（工作惯例，可调整）', partition: 'district' },
  { key: 'care.agreementTemplate', value: DEFAULT_AGREEMENT_TEMPLATE, note: '协议范本初稿，待区民政局修订', partition: 'district' },
];

export function seedCareDefaults(store: Store, actor: Actor): void {
  store.tx(() => {
    for (const d of CARE_DEFAULTS) {
      if (paramHistory(store, actor.streetCode, d.key).length > 0) continue;
      setParam(store, actor, {
        key: d.key,
        value: d.value,
        effectiveFrom: EFFECTIVE,
        note: d.note,
        partition: d.partition === 'district' ? DISTRICT_PARTITION : actor.streetCode,
        retroactiveReason: WHY,
      });
    }
  });
}
