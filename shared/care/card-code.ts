/**
 * What a care-service card's QR code carries: the card number and one check character (ISO 7064
 * MOD 11-2 over the number's digits, as on ID cards), e.g. ZL-120110001000-2026-03-0007-5. A scan into
 * the app's search opens the card holder; a mistyped or damaged code fails the check instead of
 * opening someone else. Nothing personal is in the code.
 */
import { parseCardNumber } from './rules';

const CODE_RE = /^(ZL-[\d-]+)-([0-9X])$/;

/** ISO 7064 MOD 11-2 check character of a string of digits. */
export function mod112(digits: string): string {
  let p = 0;
  for (const ch of digits) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

export function cardCode(cardNumber: string): string {
  return `${cardNumber}-${mod112(cardNumber.replace(/\D/g, ''))}`;
}

/** The card number a scanned or typed code carries, or null when it is not a valid card code. */
export function cardNumberFromCode(text: string): string | null {
  const m = CODE_RE.exec(text.trim().toUpperCase());
  if (!m || !parseCardNumber(m[1]!)) return null;
  return mod112(m[1]!.replace(/\D/g, '')) === m[2] ? m[1]! : null;
}
