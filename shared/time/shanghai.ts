/** "Today" for rules and ages is computed in Asia/Shanghai, whatever the PC's time zone. */
export function shanghaiDate(d: Date): string {
  // UTC+8 all year (no daylight saving since 1991).
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
