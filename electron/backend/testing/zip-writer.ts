/**
 * Test helper: writes ZIP archives byte by byte, so tests can build what no spreadsheet program
 * writes: zip bombs, central directories that lie about sizes, thousands of entries.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Raw-deflated content, its real inflated size and CRC-32 (see `deflateRepeated`), or plain content. */
  deflated?: { data: Buffer; size: number; crc: number };
  data?: Buffer;
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
}

/** Raw deflate of `chunk` repeated `times` times, without ever holding the inflated whole. */
export async function deflateRepeated(head: string, chunk: Buffer, times: number, tail: string): Promise<{ data: Buffer; size: number; crc: number }> {
  const z = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  await write(Buffer.from(head));
  for (let i = 0; i < times; i++) await write(chunk);
  await write(Buffer.from(tail));
  z.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const content = e.deflated ?? (e.data ? { data: zlib.deflateRawSync(e.data), size: e.data.length, crc: zlib.crc32(e.data) } : null)!;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? content.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(content.crc >>> 0, 14);
    local.writeUInt32LE(content.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(content.crc >>> 0, 16);
    central.writeUInt32LE(content.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, content.data);
    centrals.push(central, name);
    offset += local.length + name.length + content.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
