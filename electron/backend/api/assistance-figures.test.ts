/**
 * Today's Tianjin figures (津民规〔2025〕6号, DOMAIN §1) reach the amounts, and a figure a payment
 * needs is asked for by name, never taken as zero; the 就业奖励 only when someone's wage is assessed.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../shared/id-number';
import type { Programme } from '../../../shared/assistance/codes';
import { makeHarness, type Harness } from '../testing/harness';
import { enrolThroughSteps } from '../testing/enrolment';

let h: Harness;
let communityId: string;
let seq = 1;

beforeEach(async () => {
  h = await makeHarness({ now: () => new Date('2026-03-15T02:00:00Z') });
  communityId = (await h.call('org.listCommunities', {}))[0]!.id;
});
afterEach(() => h.close());

async function household(opts: { hukouType?: 'urban' | 'rural'; selfCare?: 'full' | 'partial' | 'none'; employed?: boolean; wageFen?: number; transferFen?: number } = {}) {
  return h.call('registry.createHousehold', {
    household: { communityId, address: `詹滨西里${seq}号`, hukouType: opts.hukouType ?? 'urban', categories: [] },
    members: [
      {
        name: '孙秀英',
        relation: '02',
        idNumber: makeIdNumber('120110', '19500101', seq++ * 2 + 1),
        selfCare: opts.selfCare ?? 'full',
        employment: opts.employed ? 'employed' : undefined,
        incomes: [
          ...(opts.wageFen ? [{ kind: 'wage' as const, monthlyFen: opts.wageFen }] : []),
          ...(opts.transferFen ? [{ kind: 'transfer' as const, monthlyFen: opts.transferFen }] : []),
        ],
      },
    ],
  });
}

/** Through every step; payment from 2026-04. */
function enrol(programme: Programme, householdId: string, personId?: string) {
  return enrolThroughSteps(h, { programme, householdId, personId }, '2026-04');
}

async function paid(programme: Programme, householdId: string) {
  const list = await h.call('assistance.paymentList', { programme, month: '2026-04' });
  return list.rows.find((r) => r.householdId === householdId)?.amountFen ?? null;
}

describe('today’s figures', () => {
  test('低保边缘: 314 per household and month (a fixed amount since 2025-09-01, not 30% of 1045)', async () => {
    const hh = await household({ transferFen: 110000 }); // within 1,045.00 to 1,567.50
    await enrol('dibao-edge', hh.id);
    expect(await paid('dibao-edge', hh.id)).toBe(31400);
  });

  test('特困 分散供养: 城市 1870, 农村 1530, plus the care figure of the person’s self-care level', async () => {
    const urban = await household({ hukouType: 'urban', selfCare: 'partial' });
    const rural = await household({ hukouType: 'rural', selfCare: 'none' });
    await enrol('tekun-home', urban.id, urban.members[0]!.id);
    await enrol('tekun-home', rural.id, rural.members[0]!.id);
    expect(await paid('tekun-home', urban.id)).toBe(187000 + 40000);
    expect(await paid('tekun-home', rural.id)).toBe(153000 + 80000);
  });

  test('a 特困 person who cannot care for themselves is not paid support only when the care figure is missing: the list names it', async () => {
    const hh = await household({ selfCare: 'none' });
    await enrol('tekun-home', hh.id, hh.members[0]!.id);
    // An older street database without the figure.
    h.backend.store.sqlite.prepare("DELETE FROM policy_params WHERE key = 'tekun.care.none'").run();
    const r = await h.raw('assistance.paymentList', { programme: 'tekun-home', month: '2026-04' });
    expect(r).toMatchObject({ ok: false, error: { field: 'tekun.care.none' } });
    expect(r.ok ? '' : r.error.message).toContain('特困人员照料护理标准（完全丧失生活自理能力');
  });
});

describe('就业奖励 only when a wage is assessed', () => {
  test('a street without the figure investigates a household where nobody works', async () => {
    const hh = await household();
    const e = await enrol('dibao', hh.id);
    expect(e).toMatchObject({ status: 'active', perCapitaIncomeFen: 0 });
  });

  test('an employed member’s wage needs it, and the refusal names it', async () => {
    const hh = await household({ employed: true, wageFen: 80000 });
    const e = await h.call('assistance.apply', { programme: 'dibao', householdId: hh.id });
    const r = await h.raw('assistance.investigate', { id: e.id });
    expect(r).toMatchObject({ ok: false, error: { field: 'dibao.employmentReward' } });
    expect(r.ok ? '' : r.error.message).toContain('就业奖励');
  });
});
