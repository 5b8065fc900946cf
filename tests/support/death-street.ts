/**
 * The street the 应退尽退 tests record deaths on (death-stop.test.ts, death-correction.test.ts): 金
 * household (低保 for two, each with a disability living subsidy), 严老 alone (特困分散供养 with a signed
 * care agreement and a card), 陶 household (低保, untouched); April and May 2026 paid and confirmed.
 */
import type { AssistanceHarness } from './assistance-harness';

export const DEATH_PROGRAMMES = ['dibao', 'tekun-home', 'disability-living-subsidy'] as const;

/** Opens the harness's day at 2026-03-15 with the disability subsidy figure the street pays. */
export async function deathStreetDay(a: AssistanceHarness): Promise<void> {
  await a.at('2026-03-15T02:00:00Z');
  await a.call('policy.setParam', { key: 'disability.livingSubsidy', value: 10000, effectiveFrom: '2016-01-01', retroactiveReason: '测试' });
}

export async function confirmDeathMonth(a: AssistanceHarness, month: string): Promise<void> {
  for (const programme of DEATH_PROGRAMMES) {
    const b = await a.call('batches.generate', { programme, month });
    await a.call('batches.confirm', { id: b.id });
  }
}

/** The frozen rows of confirmed batches, to check they never change. */
export const frozenRows = (a: AssistanceHarness) => a.db().prepare('SELECT * FROM payment_batch_rows ORDER BY batch_id, seq').all();

/** The rows the programme's batch for `month` would have for one enrolment: [kind, for month, amount]. */
export const batchRowsFor = async (a: AssistanceHarness, programme: (typeof DEATH_PROGRAMMES)[number], month: string, enrolmentId: string) =>
  (await a.call('batches.generate', { programme, month })).rows.filter((r) => r.enrolmentId === enrolmentId).map((r) => [r.kind, r.forMonth, r.amountFen]);

export async function deathStreet(a: AssistanceHarness) {
  const enrol = (input: Parameters<AssistanceHarness['enrol']>[0]) => a.enrol(input, '2026-04');
  const jin = await a.household([
    { name: '金大', relation: '02', disabled: true },
    { name: '金二', relation: '10', birth: '19620505', disabled: true },
  ]);
  const jinDa = jin.members[0]!;
  const jinEr = jin.members[1]!;
  const jinDibao = await enrol({ programme: 'dibao', householdId: jin.id });
  const daSubsidy = await enrol({ programme: 'disability-living-subsidy', householdId: jin.id, personId: jinDa.id });
  const erSubsidy = await enrol({ programme: 'disability-living-subsidy', householdId: jin.id, personId: jinEr.id });
  const yan = await a.household([{ name: '严老', relation: '02', birth: '19400101' }]);
  const yanId = yan.members[0]!.id;
  const tekun = await enrol({ programme: 'tekun-home', householdId: yan.id, personId: yanId });
  const g = await a.call('care.saveCaregiver', {
    caregiver: { name: '李照料', idNumber: a.idNumber('19700101'), relation: 'neighbour', phone: '13820005678', address: '新立村1号' },
  });
  const met = { eating: true, dressing: true, bed: true, toileting: true, walking: true, bathing: true };
  await a.call('care.saveProfile', { personId: yanId, selfCareMet: met, assessedDate: '2026-03-15', health: '高血压', risks: '独居', needs: '助餐' });
  const agreement = await a.call('care.createAgreement', { personId: yanId, caregiverId: g.id, startDate: '2026-03-15', services: ['daily-watch', 'daily-care'] });
  await a.call('care.signAgreement', { id: agreement.id, signedDate: '2026-03-15' });
  const card = await a.call('care.issueCard', { personId: yanId, streetContact: '王民政', streetPhone: '022-24390000' });
  const tao = await a.household([{ name: '陶大', relation: '02' }, { name: '陶二', relation: '10' }]);
  const taoDibao = await enrol({ programme: 'dibao', householdId: tao.id });
  await a.at('2026-04-20T02:00:00Z');
  await confirmDeathMonth(a, '2026-04');
  await a.at('2026-05-15T02:00:00Z');
  await confirmDeathMonth(a, '2026-05');
  return { jin, jinDa, jinEr, jinDibao, daSubsidy, erSubsidy, yan, yanId, tekun, agreement, card, tao, taoDibao };
}
