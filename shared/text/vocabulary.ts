/**
 * The one vocabulary of text and date checks at every boundary (API schemas via shared/api/zh.ts,
 * the Excel import per cell, the sync server's per-field check in shared/sync/columns.ts). Each
 * check returns a Chinese phrase saying what is wrong (the caller puts the field's name in front),
 * or null when the value is fine.
 *
 * Text: no control characters (C0, DEL, C1; a multi-line field may hold \n and \t, and \r\n is
 * turned into \n before the check), no lone UTF-16 surrogates (PostgreSQL and UTF-8 files cannot
 * hold them), no bidi embeddings, overrides, isolates or marks (they reorder what a reader sees:
 * U+061C, U+200E–200F, U+202A–202E, U+2066–2069), and not made only of invisible characters.
 *
 * Dates are `YYYY-MM-DD` real calendar days within a range per kind of field (DATE_RANGES);
 * months `YYYY-MM`; instants ISO-8601 with Z or an offset, stored as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`.
 */

/** C0 except \t and \n, DEL, C1. */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** C0 (tab and line breaks included), DEL, C1. */
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text no PostgreSQL text or jsonb value can hold: a NUL, or a surrogate half without its partner. */
export function unstorableText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Whitespace and characters that show nothing: zero-width space/joiners, word joiner and invisible
 * operators, BOM, soft hyphen, combining grapheme joiner, Mongolian vowel separator, Hangul fillers,
 * variation selectors, tag characters.
 */
const INVISIBLE =
  /[\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;

/** Printable ASCII and the CJK unified ideographs: nothing a check refuses but text of spaces only. */
const PLAIN = /^[\u0020-\u007e\u4e00-\u9fff]*$/;
const BLANK_PLAIN = /^ +$/;
const ONLY_INVISIBLE = '只有空白或不可见字符，请填写实际内容';

export interface TextRule {
  /** A note, a description: line breaks and tabs allowed. */
  multiline?: boolean;
}

/** \r\n and lone \r become \n in multi-line text (Windows line ends from a paste or a cell). */
export function normalizeLineEnds(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/** What is wrong with a text value, or null. Empty text is fine here (required-ness is the caller's). */
export function textProblem(s: string, rule: TextRule = {}): string | null {
  // Most text is printable ASCII and common CJK: none of the characters below, and only blank if all spaces.
  if (PLAIN.test(s)) return s !== '' && BLANK_PLAIN.test(s) ? ONLY_INVISIBLE : null;
  if ((rule.multiline ? CONTROL_MULTILINE : CONTROL_ONE_LINE).test(s)) {
    return rule.multiline ? '含有控制字符（如 NUL、响铃等不可打印字符），请删除后重新输入' : '含有换行、制表符或其他控制字符，请删除后重新输入';
  }
  if (LONE_SURROGATE.test(s)) return '含有无效字符（残缺的 Unicode 代理字符），请重新输入';
  if (BIDI.test(s)) return '含有改变文字方向的控制字符（如 RLO），请删除后重新输入';
  if (s !== '' && s.replace(INVISIBLE, '') === '') return ONLY_INVISIBLE;
  return null;
}

/** A JSON value (e.g. a policy parameter) whose every string, key included, passes textProblem. */
export function jsonTextProblem(v: unknown, depth = 0): string | null {
  if (depth > 20) return '层级过深';
  if (typeof v === 'string') return textProblem(v, { multiline: true });
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = jsonTextProblem(x, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = textProblem(k) ?? jsonTextProblem(x, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Year ranges of date fields. birth: the oldest living person (a birth date must also not be after
 * today, which only the caller knows: parseIdNumber takes `today`). event: every record of the
 * office's work (visits, agreements, policy versions, payments): the programmes this app serves
 * began after 2000, and nothing is planned beyond 2100.
 */
export const DATE_RANGES = {
  birth: { from: '1900-01-01', to: '2100-12-31' },
  event: { from: '2000-01-01', to: '2100-12-31' },
} as const;
export type DateKind = keyof typeof DATE_RANGES;

const CALENDAR_FORM = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Is `s` exactly YYYY-MM-DD and a day of the (proleptic Gregorian) calendar (no 02-30, no month 13)? */
export function isCalendarDate(s: string): boolean {
  if (!CALENDAR_FORM.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : MONTH_DAYS[mo - 1]!);
}

/** What is wrong with a date value, or null. */
export function dateProblem(s: string, kind: DateKind = 'event'): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return '应为 YYYY-MM-DD 格式的日期，如 2024-03-06';
  if (!isCalendarDate(s)) return `${s} 不是日历上的日期`;
  const r = DATE_RANGES[kind];
  if (s < r.from || s > r.to) return `${s} 超出可填范围（${r.from.slice(0, 4)}年至${r.to.slice(0, 4)}年）`;
  return null;
}

/** What is wrong with a month value (YYYY-MM, event range), or null. */
export function monthProblem(s: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return '应为 YYYY-MM 格式的月份，如 2024-03';
  return dateProblem(`${s}-01`, 'event');
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** An instant as stored: UTC `YYYY-MM-DDTHH:mm:ss.sssZ`, or a problem. Offsets are converted. */
export function parseInstant(s: string): { ok: true; iso: string } | { ok: false; problem: string } {
  const m = INSTANT.exec(s);
  if (!m) return { ok: false, problem: '应为 ISO-8601 时间，如 2024-03-06T18:00:00+08:00 或 2024-03-06T10:00:00Z' };
  const bad = dateProblem(m[1]!, 'event');
  if (bad) return { ok: false, problem: bad };
  const t = Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(t)) return { ok: false, problem: `${s} 不是有效的时间` };
  return { ok: true, iso: new Date(t).toISOString() };
}

/** What is wrong with an instant value, or null (an offset form of an older PC is still an instant). */
export function instantProblem(s: string): string | null {
  const r = parseInstant(s);
  return r.ok ? null : r.problem;
}
