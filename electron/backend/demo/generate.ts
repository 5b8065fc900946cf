/**
 * Deterministic generator of a realistic demo street: its communities (社区/村) with grids and grid
 * workers, and its registered households with their members. Plain data, no database: the same
 * seed and reference date give the same street on every machine (see random.ts).
 */
import type { AssistanceCategory } from '../../../shared/codes';
import { DONGLI_AREA_CODE, findStreet } from '../../../shared/streets';
import { DEMO_OFFICE_NAME, DEMO_STREET, isDemoStreet } from '../../../shared/demo';
import type { HouseholdInput, PersonInput } from '../../../shared/registry/schemas';
import { shanghaiDate } from '../../../shared/time/shanghai';
import { circumstances, incomes, type Circumstances, type Finance } from './circumstances';
import { makeFamily, pickFamilyKind, type FamilyKind, type Skeleton } from './families';
import { birthDateForAge, IdAllocator } from './identity';
import { fullName, givenName } from './names';
import { address, addressPlan, bankAccount, birthAreaCode, landline, mobilePhone, placeStem, type AddressPlan } from './places';
import { Rng, weighted } from './random';

export const DEFAULT_DEMO_SEED = 20200612;
export const DEFAULT_DEMO_STREET = DEMO_STREET.code;
export const DEFAULT_DEMO_HOUSEHOLDS = 2000;

export interface GenerateOptions {
  seed?: number;
  /** 12-digit code of a Dongli street (shared/streets.ts, benchmarks); default the demo street (shared/demo.ts). */
  streetCode?: string;
  households?: number;
  /** Ages are exact on this date (YYYY-MM-DD); default today in Asia/Shanghai. */
  referenceDate?: string;
}

export interface DemoGrid {
  name: string;
  workerName: string;
  workerPhone: string;
}

export interface DemoCommunity {
  name: string;
  kind: 'community' | 'village';
  contactName: string;
  contactPhone: string;
  sortOrder: number;
  grids: DemoGrid[];
}

export type DemoPerson = PersonInput;

export interface DemoHousehold extends Omit<HouseholdInput, 'communityId' | 'gridId'> {
  /** Index into communities, and into that community's grids. */
  community: number;
  grid: number;
  /** Composition the household was generated from (not stored). */
  kind: FamilyKind;
  members: DemoPerson[];
}

export interface DemoStreetData {
  seed: number;
  referenceDate: string;
  street: { code: string; name: string; officeName: string };
  communities: DemoCommunity[];
  households: DemoHousehold[];
}

const GRID_ORDINALS = ['一', '二', '三'];

interface CommunityPlan {
  community: DemoCommunity;
  village: boolean;
  plan: AddressPlan;
}

function makeCommunities(rng: Rng, names: string[], scale: number): CommunityPlan[] {
  return names.map((name, i) => {
    const village = name.endsWith('村');
    const stem = placeStem(name);
    const grids: DemoGrid[] = [];
    const gridCount = rng.int(1, 3);
    for (let g = 0; g < gridCount; g++) {
      const sex = rng.chance(0.65) ? 'female' : 'male';
      grids.push({
        name: `${stem}第${GRID_ORDINALS[g]}网格`,
        workerName: fullName(rng, sex, rng.int(1975, 1998)),
        workerPhone: mobilePhone(rng),
      });
    }
    const community: DemoCommunity = {
      name,
      kind: village ? 'village' : 'community',
      contactName: fullName(rng, rng.chance(0.6) ? 'female' : 'male', rng.int(1965, 1988)),
      contactPhone: landline(rng),
      sortOrder: i,
      grids,
    };
    return { community, village, plan: addressPlan(rng, name, village, scale) };
  });
}

const FINANCE_BY_KIND: Record<FamilyKind, (rng: Rng) => Finance> = {
  'single-elderly': weighted<Finance>([['tekun', 45], ['dibao', 35], ['none', 20]]),
  'single-adult': weighted<Finance>([['dibao', 80], ['dibao-edge', 20]]),
  'elderly-couple': weighted<Finance>([['dibao', 45], ['dibao-edge', 35], ['none', 20]]),
  couple: weighted<Finance>([['dibao', 70], ['dibao-edge', 30]]),
  nuclear: weighted<Finance>([['dibao', 60], ['dibao-edge', 40]]),
  'single-parent': weighted<Finance>([['dibao', 65], ['dibao-edge', 35]]),
  'three-generation': weighted<Finance>([['dibao', 55], ['dibao-edge', 45]]),
  grandparents: weighted<Finance>([['dibao', 60], ['dibao-edge', 20], ['none', 20]]),
  'with-parents': weighted<Finance>([['dibao', 55], ['dibao-edge', 45]]),
};

function pickFinance(rng: Rng, kind: FamilyKind, cs: Circumstances[]): Finance {
  // A single adult who cannot work and has no one to support them is 特困.
  if (kind === 'single-adult' && cs[0]!.labourCapacity === 'none' && rng.chance(0.3)) return 'tekun';
  return FINANCE_BY_KIND[kind](rng);
}

const UNSUPPORTED_REASONS = [
  '父亲服刑、母亲失联，由祖父母抚养',
  '父母均为重度残疾，由祖父母抚养',
  '父亲去世、母亲失联，由祖父母抚养',
  '父亲强制隔离戒毒、母亲重病，由祖父母抚养',
];

interface Extras {
  categories: Set<AssistanceCategory>;
  notes: string[];
  personNotes: (string | null)[];
}

/** Care categories (关爱类别) and notes that follow from the composition and the place. */
function careCategories(rng: Rng, kind: FamilyKind, members: Skeleton[], cs: Circumstances[], rural: boolean, x: Extras) {
  const add = (c: AssistanceCategory) => x.categories.add(c);
  const elderlyOnly = members.every((m) => m.age >= 60);
  if (kind === 'single-elderly' && !x.categories.has('tekun-institution')) add('lonely-elderly');
  if (kind === 'elderly-couple' && elderlyOnly && rng.chance(0.7)) add('lonely-elderly');
  if (rural && (kind === 'single-elderly' || kind === 'elderly-couple') && !x.categories.has('tekun-institution') && rng.chance(0.5)) {
    add('left-behind-elderly');
    x.notes.push('子女在外地工作');
  }
  if (kind === 'grandparents') {
    const r = rng.next();
    if (r < 0.12) {
      add('orphan');
      x.notes.push('父母双亡，由祖父母抚养');
    } else if (r < 0.32) {
      add('unsupported-child');
      x.notes.push(rng.pick(UNSUPPORTED_REASONS));
    } else {
      x.notes.push('父母在外地务工');
      if (rural) add('left-behind-child');
    }
    if (rural) add('left-behind-elderly');
  }
  if (kind === 'nuclear' && rural && rng.chance(0.3)) {
    const husband = members.findIndex((m) => (m.relation === '02' || m.relation === '11') && m.sex === 'male');
    if (husband >= 0 && members[husband]!.age < 60 && cs[husband]!.labourCapacity !== 'none') {
      add('left-behind-woman');
      x.notes.push('丈夫常年在外务工');
      x.personNotes[husband] = '常年在外务工';
      if (cs[husband]!.employment !== 'employed') cs[husband]!.employment = 'flexible';
    }
  }
  // 失能 elderly, whoever they live with.
  if (members.some((m, i) => m.age >= 60 && cs[i]!.selfCare === 'none')) add('lonely-elderly');
  if (x.categories.has('dibao') || x.categories.has('dibao-edge')) {
    if (cs.some((c) => c.disabilityGrade !== null)) add('poor-disabled');
  }
  if (cs.some((c) => c.disabilityGrade === '1' || c.disabilityGrade === '2')) add('severe-disabled');
}

const pickEthnicity = weighted([
  ['01', 965],
  ['03', 20],
  ['11', 8],
  ['02', 3],
  ['10', 2],
  ['08', 2],
]);

function makeHousehold(rng: Rng, plan: CommunityPlan, communityIndex: number, ids: IdAllocator, ref: string, addresses: Set<string>): DemoHousehold {
  const { community, village } = plan;
  const rural = village ? rng.chance(0.95) : rng.chance(0.08);
  const kind = pickFamilyKind(rng, village);
  const skeletons = makeFamily(rng, kind);
  const cs = skeletons.map((s) => circumstances(rng, s, !rural));
  const finance = pickFinance(rng, kind, cs);
  const x: Extras = { categories: new Set(), notes: [], personNotes: skeletons.map(() => null) };
  if (finance === 'dibao') x.categories.add('dibao');
  if (finance === 'dibao-edge') x.categories.add('dibao-edge');
  if (finance === 'tekun') {
    const institution = rng.chance(kind === 'single-adult' ? 0.15 : 0.08);
    x.categories.add(institution ? 'tekun-institution' : 'tekun-home');
    // 特困: no capacity to work and no pension of one's own.
    const c = cs[0]!;
    c.labourCapacity = 'none';
    if (c.employment !== 'none') c.employment = 'none';
    if (institution) {
      x.notes.push('集中供养于东丽区社会福利中心');
      x.personNotes[0] = '集中供养';
      if (c.selfCare === 'full' && rng.chance(0.6)) c.selfCare = 'partial';
    }
  }
  // Steady jobs are rare in 低保 households: what work there is, is informal.
  if (finance === 'dibao') {
    for (const c of cs) if (c.employment === 'employed' && rng.chance(0.7)) c.employment = 'flexible';
  }
  careCategories(rng, kind, skeletons, cs, rural, x);
  const incomeItems = incomes(rng, skeletons, cs, finance);

  const members: DemoPerson[] = skeletons.map((s, i) => {
    const c = cs[i]!;
    const birthDate = birthDateForAge(rng, s.age, ref);
    const bornHere = s.age < 30 ? rng.chance(0.9) : false;
    const area = bornHere ? DONGLI_AREA_CODE : birthAreaCode(rng);
    const name = s.surname + givenName(rng, s.sex, Number(birthDate.slice(0, 4)));
    return {
      name,
      idNumber: ids.allocate(rng, area, birthDate, s.sex),
      relation: s.relation,
      ethnicity: pickEthnicity(rng),
      maritalStatus: s.age < 18 ? 'single' : s.marital,
      health: c.health,
      disabilityCategory: c.disabilityCategory as DemoPerson['disabilityCategory'],
      disabilityGrade: c.disabilityGrade as DemoPerson['disabilityGrade'],
      selfCare: c.selfCare,
      labourCapacity: c.labourCapacity,
      employment: c.employment,
      incomes: incomeItems[i]!,
      phone: s.age >= 18 && s.age <= 82 && rng.chance(0.7) ? mobilePhone(rng) : null,
      notes: x.personNotes[i] ?? null,
    };
  });

  let addr = address(rng, community.name, village, plan.plan);
  for (let i = 0; addresses.has(addr.text) && i < 100; i++) addr = address(rng, community.name, village, plan.plan);
  addresses.add(addr.text);
  const grid = Math.min(community.grids.length - 1, Math.floor(((addr.number - 1) * community.grids.length) / plan.plan.size));

  const head = members[0]!;
  const withPhone = members.find((m) => m.phone);
  const phone = withPhone && rng.chance(0.9) ? withPhone.phone : rng.chance(0.4) ? landline(rng) : null;
  const paid = finance !== 'none' || x.categories.has('orphan') || x.categories.has('unsupported-child') || x.categories.has('severe-disabled');
  const bank = paid ? bankAccount(rng) : null;
  const serious = members.some((m) => m.health === 'serious');
  return {
    community: communityIndex,
    grid,
    kind,
    address: addr.text,
    hukouType: rural ? 'rural' : 'urban',
    phone: phone ?? null,
    bankName: bank?.bankName ?? null,
    bankAccount: bank?.bankAccount ?? null,
    accountHolder: bank ? head.name : null,
    categories: [...x.categories],
    // Households in no category are kept under watch after screening (排查关注户).
    status: x.categories.size === 0 || rng.chance(serious ? 0.12 : 0.025) ? 'watch' : 'active',
    notes: x.notes.length > 0 ? x.notes.join('；') : null,
    members,
  };
}

export function generateStreet(opts: GenerateOptions = {}): DemoStreetData {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const streetCode = opts.streetCode ?? DEFAULT_DEMO_STREET;
  const count = opts.households ?? DEFAULT_DEMO_HOUSEHOLDS;
  const referenceDate = opts.referenceDate ?? shanghaiDate(new Date());
  const preset = isDemoStreet(streetCode) ? DEMO_STREET : findStreet(streetCode);
  if (!preset) throw new Error(`unknown Dongli street code ${streetCode}`);
  const rng = new Rng(seed);
  // Bigger streets (benchmarks) get proportionally more buildings, so addresses stay distinct.
  const plans = makeCommunities(rng.fork(), preset.communities, Math.max(1, (count * 8) / (DEFAULT_DEMO_HOUSEHOLDS * preset.communities.length)));
  // Villages are smaller than urban communities.
  const pickCommunity = weighted(plans.map((p, i) => [i, (p.village ? 0.6 : 1) * (0.6 + rng.next() * 0.8)] as const));
  const ids = new IdAllocator();
  const addresses = new Set<string>();
  const households: DemoHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const c = pickCommunity(rng);
    households.push(makeHousehold(rng, plans[c]!, c, ids, referenceDate, addresses));
  }
  return {
    seed,
    referenceDate,
    street: { code: preset.code, name: preset.name, officeName: isDemoStreet(preset.code) ? DEMO_OFFICE_NAME : `${preset.name}公共服务办公室` },
    communities: plans.map((p) => p.community),
    households,
  };
}
