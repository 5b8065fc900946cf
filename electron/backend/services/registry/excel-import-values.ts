/**
 * Reading one import cell as the API expects it: text, digits kept exactly, a code from its
 * Chinese label (or an accepted alias or the code itself), several codes, an amount in fen.
 * Each reader returns the value, or a Chinese message for the cell.
 */
import type { CodeItem } from '../../../../shared/codes';
import { dateText, type CellScalar } from './excel-cells';
import type { ImportColumn } from './excel-columns';
import { monthProblem } from '../../../../shared/text/vocabulary';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** Free text, trimmed; null when empty. */
export function readText(v: CellScalar): string | null {
  if (v === null) return null;
  if (v instanceof Date) return dateText(v);
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** Text compared across the rows of one household: no spaces, so “3号楼 2门” equals “3号楼2门”. */
export function sameText(a: CellScalar, b: CellScalar): boolean {
  const norm = (v: CellScalar) => (readText(v) ?? '').replace(/\s+/g, '').toUpperCase();
  return norm(a) === norm(b);
}

/**
 * Digits that must survive exactly (ID number, bank account, phone, 户编号). A long number that
 * Excel stored as a number has lost its last digits already, so it is refused rather than guessed.
 */
export function readDigits(col: Pick<ImportColumn, 'header'> & { key: string }, v: CellScalar): Read<string | null> {
  if (v === null) return ok(null);
  if (typeof v === 'number') {
    if (col.key === 'householdKey' && Number.isFinite(v)) return ok(String(v));
    if (Number.isSafeInteger(v) && v >= 0) return ok(String(v));
    return fail(
      `${col.header}被 Excel 存成了数字（${v}），长号码的后几位可能已经丢失：请把本列设为“文本”格式后重新输入号码`,
    );
  }
  const s = (readText(v) ?? '').replace(/\s+/g, '');
  return ok(s === '' ? null : s);
}

function allowedHint(col: ImportColumn): string {
  const labels = (col.options ?? []).map((o) => o.label);
  if (labels.length <= 16) return `可填：${labels.join('、')}`;
  return '请按“填写说明”工作表中的可选值填写';
}

function lookup(col: ImportColumn, raw: string): string | null {
  const items: readonly CodeItem[] = col.options ?? [];
  const s = raw.replace(/\s+/g, '');
  const byLabel = items.find((i) => i.label === s);
  if (byLabel) return byLabel.code;
  const byCode = items.find((i) => i.code === s);
  if (byCode) return byCode.code;
  const alias = col.aliases?.[s];
  if (alias) return alias;
  // Short forms: 汉 -> 汉族, 肢体 -> 肢体残疾, 2级 -> 二级.
  const suffixed = items.find((i) => i.label === `${s}族` || i.label === `${s}残疾`);
  if (suffixed) return suffixed.code;
  const grade = /^([1-4])级$/.exec(s);
  if (grade && col.key === 'disabilityGrade') return grade[1]!;
  return null;
}

/** One code by label, alias or code. */
export function readCode(col: ImportColumn, v: CellScalar): Read<string | null> {
  if (v === null) return ok(null);
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return fail(`${col.header}“${v}”无法识别，${allowedHint(col)}`);
    if (col.key === 'relation' && v < 10) {
      return fail(
        `与户主关系“${v}”无法识别：请填写文字（如“户主”“配偶”“子”），或两位代码（如“02”表示户主），代码所在单元格须为文本格式`,
      );
    }
    const code = lookup(col, String(v)) ?? lookup(col, String(v).padStart(2, '0'));
    return code ? ok(code) : fail(`${col.header}“${v}”无法识别，${allowedHint(col)}`);
  }
  const raw = readText(v);
  if (raw === null) return ok(null);
  const code = lookup(col, raw);
  return code ? ok(code) : fail(`${col.header}“${raw}”无法识别，${allowedHint(col)}`);
}

/** Several codes separated by 、 , ， ; ； or spaces (not “/”, which some labels contain). */
export function readCodes(col: ImportColumn, v: CellScalar): Read<string[]> {
  const raw = readText(v);
  if (raw === null) return ok([]);
  const parts = raw.split(/[、,，;；\s]+/).filter((p) => p !== '');
  const codes: string[] = [];
  const bad: string[] = [];
  for (const p of parts) {
    const code = lookup(col, p);
    if (code) codes.push(code);
    else bad.push(p);
  }
  if (bad.length) return fail(`${col.header}中${bad.map((b) => `“${b}”`).join('、')}无法识别，${allowedHint(col)}，多个类别用顿号“、”分隔`);
  return ok(codes);
}

const PLAIN_AMOUNT = /^-?\d+(\.\d+)?$/;

/** An amount in yuan with at most two decimals, as integer fen; null when empty. */
export function readMoney(col: Pick<ImportColumn, 'header'>, v: CellScalar): Read<number | null> {
  if (v === null) return ok(null);
  let yuan: number;
  if (typeof v === 'number') {
    yuan = v;
  } else if (typeof v === 'string' && PLAIN_AMOUNT.test(v)) {
    yuan = Number(v); // nothing to strip (most cells of a large file)
  } else {
    const s = (readText(v) ?? '').replace(/[\s,，]/g, '').replace(/元$/, '');
    if (s === '') return ok(null);
    if (!/^-?\d+(\.\d+)?$/.test(s)) return fail(`${col.header}应为数字（单位元），如 1200 或 1580.50`);
    yuan = Number(s);
  }
  if (!Number.isFinite(yuan)) return fail(`${col.header}应为数字（单位元），如 1200 或 1580.50`);
  const fen = Math.round(yuan * 100);
  if (Math.abs(yuan * 100 - fen) > 1e-6) return fail(`${col.header}最多保留两位小数（分）`);
  return ok(fen);
}

/** A month 'YYYY-MM' from 2026-03, 2026/3, 2026.3, 2026年3月, 202603 or a date cell; null when empty. */
export function readMonth(col: Pick<ImportColumn, 'header'>, v: CellScalar): Read<string | null> {
  if (v === null) return ok(null);
  let s: string;
  if (v instanceof Date) s = dateText(v).slice(0, 7);
  else {
    const raw = (readText(v) ?? '').replace(/\s+/g, '');
    if (raw === '') return ok(null);
    const m = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/.exec(raw);
    if (!m) return fail(`${col.header}“${raw}”无法识别：应为年月，如 2026-03 或 2026年3月`);
    s = `${m[1]}-${(m[2] ?? m[3]!).padStart(2, '0')}`;
  }
  const bad = monthProblem(s);
  return bad ? fail(`${col.header}${bad}`) : ok(s);
}
