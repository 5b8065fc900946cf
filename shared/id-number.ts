/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
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
  | { ok: false; reason: 'format' | 'birth-date' | 'checksum'; message: string; expected?: string };

export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Validates an 18-character ID number. `today` bounds the birth date (YYYY-MM-DD). */
export function parseIdNumber(raw: string, today?: string): IdNumberResult {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: 'format', message: '身份证号码应为18位，前17位为数字，最后一位为数字或X' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1800 || !isRealDate(y, m, d) || (today !== undefined && birthDate > today)) {
    return { ok: false, reason: 'birth-date', message: `身份证号码中的出生日期 ${birthDate} 无效` };
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
