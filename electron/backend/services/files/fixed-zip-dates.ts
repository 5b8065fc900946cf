/**
 * Sets every entry's modification time in a ZIP file (an .xlsx) to one instant, so that the same
 * content zipped at another time gives the same bytes: ExcelJS's zip library stamps each entry with
 * the time it was added. Only the DOS time and date fields of the local and central headers change
 * (the compressed data and CRCs do not depend on them).
 */
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** MS-DOS time and date of an instant, as the wall clock of Asia/Shanghai reads it (2-second steps). */
function dosStamp(instant: Date): { time: number; date: number } {
  const d = new Date(instant.getTime() + 8 * 3600_000);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

export function fixZipDates(zip: Buffer, instant: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosStamp(instant);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = out.readUInt16LE(end + 10);
  let p = out.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error('zip central directory entry expected');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error('zip local header expected');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
