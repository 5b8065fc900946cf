/**
 * Care files of the demo year (分散供养特困人员照料服务): persons the generator made 特困分散供养 get
 * a self-care assessment, a caregiver, a signed agreement, an emergency plan and a card, and
 * visits since; one has no card yet (a 四有 gap on the board); one card was issued with nothing
 * optional filled in (no street contact, no plan), so it prints its blanks as blanks. The street's
 * administrator sets its 监督电话 (a generated number) on the first day, as a street would.
 */
import { addDays } from '../../../shared/time/calendar-days';
import { makeIdNumber } from '../../../shared/id-number';
import { fullName } from './names';
import { landline, mobilePhone } from './places';
import { headOf, shanghaiAt, takeHouseholds, type HistoryPlan } from './history';
import type { Rng } from './random';

const CARE_FILES = 10;
const NEEDS = ['助浴、送医', '助餐、助洁', '代购生活用品、陪同就医', '日常看护、按时服药'];
const HEALTH = ['高血压，长期服药', '糖尿病', '腿脚不便，行走需扶', '轻度认知障碍'];

export function playCare(plan: HistoryPlan, rng: Rng): void {
  const { desk, staff } = plan;
  const people = takeHouseholds(plan, rng, CARE_FILES, (h) => h.categories.includes('tekun-home') && h.members.length === 1);
  const streetContact = fullName(rng, 'female', 1985);
  const hotline = landline(rng);
  plan.at(shanghaiAt(plan.start, '09:00'), () =>
    desk.call(staff.admin, 'policy.setParam', { key: 'care.supervisionHotline', value: hotline, effectiveFrom: plan.start, note: '街道照料服务监督电话（演示数据）' }),
  );
  people.forEach((h, i) => {
    const person = headOf(h);
    const start = addDays(plan.today, -rng.int(40, 300));
    const noCard = i === 1;
    const blank = i === 2;
    const caregiver = {
      name: fullName(rng, rng.chance(0.7) ? 'female' : 'male', rng.int(1960, 1985)),
      idNumber: makeIdNumber('120110', `19${rng.int(60, 85)}0${rng.int(1, 9)}1${rng.int(0, 9)}`, 600 + i * 2),
      relation: rng.pick(['relative', 'neighbour', 'neighbour', 'committee'] as const),
      phone: mobilePhone(rng),
      address: null,
    };
    let agreementId = '';
    plan.at(shanghaiAt(start, '09:40'), () => {
      desk.call(staff.caseworker, 'care.saveProfile', {
        personId: person.id,
        selfCareMet: { eating: true, dressing: rng.chance(0.6), bed: true, toileting: rng.chance(0.7), walking: rng.chance(0.6), bathing: false },
        assessedDate: start,
        health: rng.pick(HEALTH),
        risks: '独居',
        needs: rng.pick(NEEDS),
      });
      const g = desk.call(staff.caseworker, 'care.saveCaregiver', { caregiver });
      agreementId = desk.call(staff.caseworker, 'care.createAgreement', {
        personId: person.id,
        caregiverId: g.id,
        startDate: addDays(start, 1),
        services: ['daily-watch', 'daily-care', 'illness-care', 'home-safety', 'report-needs'],
      }).id;
    });
    plan.at(shanghaiAt(addDays(start, 1), '10:30'), () => {
      desk.call(staff.caseworker, 'care.signAgreement', { id: agreementId, signedDate: addDays(start, 1) });
      if (!blank) {
        desk.call(staff.caseworker, 'care.savePlan', {
          personId: person.id,
          contacts: [{ name: fullName(rng, 'male', 1975), relation: '侄子', phone: mobilePhone(rng) }],
          hospital: '东丽医院',
          hospitalPhone: '022-24390120',
          conditions: '按时服药，防跌倒',
          actions: '拨打120送东丽医院，同时通知社区和照料服务人',
        });
      }
      if (noCard) return;
      desk.call(staff.caseworker, 'care.issueCard', {
        personId: person.id,
        ...(blank ? { streetContact: null, streetPhone: null } : { streetContact, streetPhone: '022-24390000' }),
      });
    });
    // Monthly visits since.
    for (let d = addDays(start, 20); d < plan.today; d = addDays(d, rng.int(24, 31))) {
      const day = d;
      plan.at(shanghaiAt(day, '15:20'), () =>
        desk.call(staff.caseworker, 'care.recordVisit', {
          personId: person.id,
          visitDate: day,
          visitorKind: 'community',
          visitorName: '演示经办人',
          services: ['visit', 'follow-up'],
          content: '上门探访，照料人在岗，生活起居正常',
        }),
      );
    }
  });
}
