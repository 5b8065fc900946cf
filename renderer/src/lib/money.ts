/**
 * Money crosses the API as integer fen (分). The user types yuan (元) with at most two decimals; the
 * conversion works on the decimal string, so no floating-point error can creep in.
 */
const YUAN_RE = /^(\d{1,12})(?:\.(\d{0,2}))?$/;

/** True when `text` is a non-negative yuan amount with at most two decimals ("1010", "1,010.5"). */
export function isYuanText(text: string): boolean {
  return YUAN_RE.test(normaliseYuanText(text));
}

function normaliseYuanText(text: string): string {
  return text.trim().replace(/[,，\s]/g, '').replace(/^(\d*)。/, '$1.').replace(/元$/, '');
}

/** "1,010.5" -> 101050; returns null when the text is not a valid amount. Empty text gives null. */
export function parseYuanToFen(text: string): number | null {
  const m = YUAN_RE.exec(normaliseYuanText(text));
  if (!m) return null;
  const yuan = m[1]!;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(yuan) * 100 + Number(cents);
}

/** 101050 -> "1,010.50" (no unit). */
export function formatFenNumber(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** 101000 -> "1,010.00 元" */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null) return '';
  return `${formatFenNumber(fen)} 元`;
}

/** 101050 -> "1010.50", the text put back into an input for editing. */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen == null) return '';
  return formatFenNumber(fen).replace(/,/g, '');
}
