/** "Today" for rules and ages is computed in Asia/Shanghai, whatever the PC's time zone. */

// UTC+8 all year (no daylight saving since 1991).
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Shanghai wall time to the minute, 'YYYY-MM-DD HH:mm' ('' for an unreadable one). */
export function shanghaiMinute(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
