/**
 * Reads a QR code back from a rendered page image (binary PPM from pdftoppm): crops the region where
 * the code is, finds the symbol's dark bounding box, takes the module size from the top-left finder
 * pattern (7 modules wide), samples each module's centre and decodes the matrix.
 */
import jsQR from 'jsqr';
import { decodeQr } from '../../shared/qr/decode';

interface Ppm {
  width: number;
  height: number;
  data: Buffer;
  offset: number;
}

export function parsePpm(buf: Buffer): Ppm {
  // Header: P6 <ws> width <ws> height <ws> maxval <single ws> data
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[i]!))) t += String.fromCharCode(buf[i++]!);
    tokens.push(t);
  }
  if (tokens[0] !== 'P6') throw new Error('not a binary PPM');
  return { width: Number(tokens[1]), height: Number(tokens[2]), data: buf, offset: i + 1 };
}

export function readQrFromPpm(buf: Buffer, region: { x: number; y: number; w: number; h: number }): string {
  const img = parsePpm(buf);
  const dark = (x: number, y: number) => {
    const o = img.offset + (y * img.width + x) * 3;
    return img.data[o]! + img.data[o + 1]! + img.data[o + 2]! < 3 * 110;
  };
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(img.width - 1, Math.ceil(region.x + region.w));
  const y1 = Math.min(img.height - 1, Math.ceil(region.y + region.h));
  let minX = Infinity, minY = Infinity, maxX = -1, maxY = -1;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (dark(x, y)) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (maxX < 0) throw new Error('no QR code in the region');
  // Finder run on a row a little below the top edge.
  const probeY = minY + 2;
  let run = 0;
  while (dark(minX + run, probeY)) run++;
  const module = run / 7;
  const n = Math.round((maxX - minX + 1) / module);
  const modules: boolean[][] = [];
  for (let r = 0; r < n; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < n; c++) row.push(dark(Math.floor(minX + (c + 0.5) * module), Math.floor(minY + (r + 0.5) * module)));
    modules.push(row);
  }
  return decodeQr(modules);
}

/**
 * The same region read by jsQR, an independent reader (what a phone or scanner would do): our
 * encoder is not checked only by our own decoder.
 */
export function readQrWithJsqr(buf: Buffer, region: { x: number; y: number; w: number; h: number }): string | null {
  const img = parsePpm(buf);
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const w = Math.min(img.width - x0, Math.ceil(region.w));
  const h = Math.min(img.height - y0, Math.ceil(region.h));
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = img.offset + ((y0 + y) * img.width + x0 + x) * 3;
      rgba.set([img.data[o]!, img.data[o + 1]!, img.data[o + 2]!, 255], (y * w + x) * 4);
    }
  return jsQR(rgba, w, h)?.data ?? null;
}
