/**
 * Places, phones and bank accounts for the demo street: birth-place area codes (Dongli first,
 * then other Tianjin districts, then neighbouring provinces), mobile and office phone numbers,
 * addresses in the style of the street's communities and villages, and bank card numbers.
 */
import { DONGLI_AREA_CODE } from '../../../shared/streets';
import { weighted, type Rng } from './random';

/** Other Tianjin districts (GB/T 2260). */
const TIANJIN_CODES = [
  '120101', '120102', '120103', '120104', '120105', '120106', '120111', '120112', '120113', '120114',
  '120115', '120116', '120117', '120118', '120119',
];

/** Places many Tianjin residents were born in: Hebei, Shandong, Henan, the north-east, Inner Mongolia… */
const OTHER_PROVINCE_CODES = [
  '130102', '130203', '130302', '130602', '130902', '130921', '131002', '131102', '130406', '371402',
  '370102', '371502', '410102', '411302', '230102', '220102', '210102', '150102', '140105', '340102',
  '320102', '510104', '420102', '130223', '131028',
];

const pickBirthPlaceKind = weighted<'dongli' | 'tianjin' | 'other'>([
  ['dongli', 74],
  ['tianjin', 14],
  ['other', 12],
]);

/** Area code of a person's ID number (where the number was first issued). */
export function birthAreaCode(rng: Rng): string {
  switch (pickBirthPlaceKind(rng)) {
    case 'dongli':
      return DONGLI_AREA_CODE;
    case 'tianjin':
      return rng.pick(TIANJIN_CODES);
    default:
      return rng.pick(OTHER_PROVINCE_CODES);
  }
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187',
  '188', '189', '191', '199',
];

export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Tianjin fixed line (area code 022); Dongli exchanges start 24, 58, 84. */
export function landline(rng: Rng): string {
  return `022-${rng.pick(['2439', '2437', '2438', '5893', '5897', '8437'])}${rng.digits(4)}`;
}

interface Bank {
  name: string;
  bin: string;
  length: number;
}

const pickBank = weighted<Bank>([
  [{ name: '天津农商银行', bin: '621458', length: 19 }, 34],
  [{ name: '中国邮政储蓄银行', bin: '621799', length: 19 }, 26],
  [{ name: '中国工商银行', bin: '622202', length: 19 }, 10],
  [{ name: '中国建设银行', bin: '621700', length: 19 }, 9],
  [{ name: '中国农业银行', bin: '622848', length: 19 }, 8],
  [{ name: '天津银行', bin: '622161', length: 16 }, 7],
  [{ name: '中国银行', bin: '621661', length: 19 }, 4],
  [{ name: '渤海银行', bin: '621268', length: 16 }, 2],
]);

/** Luhn check digit of a card number's leading digits. */
export function luhnDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function bankAccount(rng: Rng): { bankName: string; bankAccount: string } {
  const bank = pickBank(rng);
  const payload = bank.bin + rng.digits(bank.length - bank.bin.length - 1);
  return { bankName: bank.name, bankAccount: payload + luhnDigit(payload) };
}

/** Short place name of a community for addresses: 詹滨西里社区 → 詹滨西里. */
export function placeStem(communityName: string): string {
  return communityName.replace(/社区$/, '');
}

const VILLAGE_LANES = ['东街', '西街', '南街', '北街', '中街', '前街', '后街', '大街', '新村路', '东胡同', '西胡同'];

export interface AddressPlan {
  /** Largest building (community) or house number (village). */
  size: number;
  highRise: boolean;
}

/** `scale` multiplies the number of buildings (large benchmark streets). */
export function addressPlan(rng: Rng, communityName: string, village: boolean, scale = 1): AddressPlan {
  if (village) return { size: Math.round(rng.int(40, 120) * scale), highRise: false };
  // Newer estates (家园, 园, 苑, 新市镇, 城, 绿洲) have high-rise buildings.
  const highRise = /(家园|园|苑|新市镇|城|绿洲)社区$/.test(communityName);
  return { size: Math.round((highRise ? rng.int(20, 45) : rng.int(18, 60)) * scale), highRise };
}

/** An address and the number (building or house) it is on, which decides the grid. */
export function address(
  rng: Rng,
  communityName: string,
  village: boolean,
  plan: AddressPlan,
): { text: string; number: number } {
  const stem = placeStem(communityName);
  const number = rng.int(1, plan.size);
  if (village) return { text: `${stem}${rng.pick(VILLAGE_LANES)}${number}号`, number };
  const door = rng.int(1, plan.highRise ? 3 : 6);
  const floor = plan.highRise ? rng.int(1, 18) : rng.int(1, 6);
  const flat = rng.int(1, plan.highRise ? 4 : 3);
  return { text: `${stem}${number}号楼${door}门${floor}0${flat}`, number };
}
