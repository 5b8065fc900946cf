/**
 * Text from devices and users as the admin CLI prints it, and as the audit log keeps the values it
 * records (a value refused later, e.g. a NUL an old PC stored, must not make the audit event itself
 * unsyncable: audit events are append-only and could never be fixed): control characters (C0, DEL, C1, so no
 * terminal escape sequence), bidi controls and invisible format characters are shown as \u{…}
 * escapes instead of acting on the operator's terminal, and a backslash as \\ so the escape is unambiguous.
 */
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The audit log's variant: line breaks and tabs of a note stay as they are (the vocabulary allows them). */
const UNSAFE_KEEPING_BACKSLASH = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `keepBackslash`: where nobody reads the escapes back (the audit log), a backslash and line breaks stay. */
export function printable(text: string | null | undefined, opts: { keepBackslash?: boolean } = {}): string {
  if (text === null || text === undefined) return '';
  return text.replace(opts.keepBackslash ? UNSAFE_KEEPING_BACKSLASH : UNSAFE, (ch) =>
    ch === '\\' ? '\\\\' : `\\u{${ch.codePointAt(0)!.toString(16)}}`,
  );
}

/** A JSON value with every string (keys too) made printable, for records that keep what they saw. */
export function printableJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return printable(value, { keepBackslash: true });
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => printableJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [printable(k, { keepBackslash: true }), printableJson(v, depth + 1)]));
}
