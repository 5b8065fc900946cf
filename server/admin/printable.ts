/**
 * Text from devices and users as the admin CLI prints it: control characters (C0, DEL, C1, so no
 * terminal escape sequence), bidi controls and invisible format characters are shown as \u{…}
 * escapes instead of acting on the operator's terminal, and a backslash as \\ so the escape is unambiguous.
 */
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function printable(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return text.replace(UNSAFE, (ch) => (ch === '\\' ? '\\\\' : `\\u{${ch.codePointAt(0)!.toString(16)}}`));
}
