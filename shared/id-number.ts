/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
import { dateProblem, isCalendarDate } from './text/vocabulary';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  idNumber: string;
  areaCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
}

export type IdNumberResult =
  | { ok: true; info: IdNumberInfo }
  | { ok: false; reason: 'format' | 'area-code' | 'birth-date' | 'checksum'; message: string; expected?: string };

export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** GB/T 2260 province-level codes: the first two digits of every area code. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/**
 * A plausible area code: a real province, and not a province-level code (xx0000), which is never
 * issued to a person; the one exception is 810000 / 820000 / 830000 of the residence permits of
 * Hong Kong, Macao and Taiwan residents (港澳台居民居住证, same number format since 2018), the only
 * codes those permits use. Prefecture-level codes (xxxx00) stay valid: older cards carry them.
 */
function isPlausibleAreaCode(area: string): boolean {
  const province = area.slice(0, 2);
  if (!PROVINCES.has(province)) return false;
  if (province === '81' || province === '82' || province === '83') return area.slice(2) === '0000';
  return area.slice(2, 4) !== '00';
}

/**
 * Validates an 18-character ID number: its area code (isPlausibleAreaCode), a birth date that is a
 * calendar day from 1900 on (the vocabulary's birth range) and not after `today` (YYYY-MM-DD) when
 * the caller knows today, and the check character.
 */
export function parseIdNumber(raw: string, today?: string): IdNumberResult {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: 'format', message: '身份证号码应为18位，前17位为数字，最后一位为数字或X' };
  }
  const area = id.slice(0, 6);
  if (!isPlausibleAreaCode(area)) {
    return { ok: false, reason: 'area-code', message: `身份证号码前6位地区代码 ${area} 无效，请核对号码` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (dateProblem(birthDate, 'birth') || (today !== undefined && birthDate > today)) {
    const why = today !== undefined && birthDate > today && isCalendarDate(birthDate) ? '（晚于今天）' : '';
    return { ok: false, reason: 'birth-date', message: `身份证号码中的出生日期 ${birthDate} 无效${why}` };
  }
  const expected = computeCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return {
      ok: false,
      reason: 'checksum',
      expected,
      message: `身份证号码校验位错误：最后一位应为 ${expected}，请核对号码`,
    };
  }
  return {
    ok: true,
    info: {
      idNumber: id,
      areaCode: id.slice(0, 6),
      birthDate,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Whole years of age on `onDate` (YYYY-MM-DD) for a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const oy = Number(onDate.slice(0, 4));
  const hadBirthday = onDate.slice(5) >= birthDate.slice(5);
  return oy - by - (hadBirthday ? 0 : 1);
}

/** Masked for lists: 120110********123X (first 6, last 4). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Builds a valid ID number from area code, birth date (YYYYMMDD) and 3-digit sequence. */
export function makeIdNumber(areaCode: string, yyyymmdd: string, seq: number): string {
  const first17 = `${areaCode}${yyyymmdd}${String(seq).padStart(3, '0')}`;
  return first17 + computeCheckChar(first17);
}
