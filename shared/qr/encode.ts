/**
 * A small QR code encoder (ISO/IEC 18004): byte mode, error-correction level M, versions 1–10
 * (up to 213 bytes), enough for a record link on a care-service card. No DOM or Node imports.
 */
import {
  BLOCKS_M,
  ALIGNMENT,
  MASKS,
  MAX_VERSION,
  dataCodewords,
  dataPositions,
  formatBits,
  functionMap,
  rsEncode,
  sizeOf,
  versionBits,
} from './tables';

export interface QrCode {
  version: number;
  size: number;
  mask: number;
  /** modules[row][col], true = dark. */
  modules: boolean[][];
}

function utf8(text: string): number[] {
  return Array.from(new TextEncoder().encode(text));
}

function chooseVersion(byteLen: number): number {
  for (let v = 1; v <= MAX_VERSION; v++) {
    const countBits = v <= 9 ? 8 : 16;
    if (4 + countBits + byteLen * 8 <= dataCodewords(v) * 8) return v;
  }
  throw new Error(`QR payload too long: ${byteLen} bytes (at most version ${MAX_VERSION}, level M)`);
}

/** The data codewords followed by the error-correction codewords, interleaved by block. */
export function codewords(bytes: number[], version: number): number[] {
  const capacity = dataCodewords(version);
  const bits: number[] = [];
  const put = (v: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version <= 9 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; data.length < capacity; pad ^= 0xec ^ 0x11) data.push(pad);

  const [ecLen, groups] = BLOCKS_M[version]!;
  const blocks: { data: number[]; ec: number[] }[] = [];
  let at = 0;
  for (const [count, k] of groups)
    for (let i = 0; i < count; i++) {
      const d = data.slice(at, at + k);
      at += k;
      blocks.push({ data: d, ec: rsEncode(d, ecLen) });
    }
  const out: number[] = [];
  const maxK = Math.max(...blocks.map((b) => b.data.length));
  for (let i = 0; i < maxK; i++) for (const b of blocks) if (i < b.data.length) out.push(b.data[i]!);
  for (let i = 0; i < ecLen; i++) for (const b of blocks) out.push(b.ec[i]!);
  return out;
}

function drawFunctionPatterns(m: boolean[][], version: number): void {
  const n = m.length;
  const finder = (r0: number, c0: number) => {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const rr = r0 + r;
        const cc = c0 + c;
        if (rr < 0 || cc < 0 || rr >= n || cc >= n) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        m[rr]![cc] = ring !== 2 && ring !== 4;
      }
  };
  finder(0, 0);
  finder(0, n - 7);
  finder(n - 7, 0);
  for (let i = 8; i < n - 8; i++) {
    m[6]![i] = i % 2 === 0;
    m[i]![6] = i % 2 === 0;
  }
  const al = ALIGNMENT[version]!;
  for (const r of al)
    for (const c of al) {
      if ((r === 6 && c === 6) || (r === 6 && c === al[al.length - 1]) || (c === 6 && r === al[al.length - 1])) continue;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) m[r + dr]![c + dc] = Math.max(Math.abs(dr), Math.abs(dc)) !== 1;
    }
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3);
      const b = Math.floor(i / 3);
      m[b]![a] = dark;
      m[a]![b] = dark;
    }
  }
}

export function drawFormat(m: boolean[][], mask: number): void {
  const n = m.length;
  const bits = formatBits(mask);
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) m[i]![8] = bit(i);
  m[7]![8] = bit(6);
  m[8]![8] = bit(7);
  m[8]![7] = bit(8);
  for (let i = 9; i < 15; i++) m[8]![14 - i] = bit(i);
  for (let i = 0; i < 8; i++) m[n - 1 - i]![8] = bit(i);
  for (let i = 8; i < 15; i++) m[8]![n - 15 + i] = bit(i);
  m[n - 8]![8] = true;
}

/** The four penalty rules of ISO/IEC 18004 §7.8.3, on a flat 0/1 array (rows then columns). */
function penalty(m: boolean[][]): number {
  const n = m.length;
  const g = new Uint8Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) g[r * n + c] = m[r]![c] ? 1 : 0;
  let p = 0;
  // Rules 1 and 3 along rows (dr = n, dc = 1) and columns (swap).
  for (let pass = 0; pass < 2; pass++) {
    const at = pass === 0 ? (i: number, j: number) => g[i * n + j]! : (i: number, j: number) => g[j * n + i]!;
    for (let i = 0; i < n; i++) {
      let run = 1;
      let prev = at(i, 0);
      for (let j = 1; j < n; j++) {
        const v = at(i, j);
        if (v === prev) run++;
        else {
          if (run >= 5) p += run - 2;
          run = 1;
          prev = v;
        }
      }
      if (run >= 5) p += run - 2;
      for (let j = 0; j + 10 < n; j++) {
        // 1:1:3:1:1 dark-light-dark-light-dark core, with four light modules on one side.
        if (at(i, j + 4) && !at(i, j + 5) && at(i, j + 6) && at(i, j + 7) && at(i, j + 8) && !at(i, j + 9) && at(i, j + 10) &&
            !at(i, j) && !at(i, j + 1) && !at(i, j + 2) && !at(i, j + 3)) p += 40;
        if (at(i, j) && !at(i, j + 1) && at(i, j + 2) && at(i, j + 3) && at(i, j + 4) && !at(i, j + 5) && at(i, j + 6) &&
            !at(i, j + 7) && !at(i, j + 8) && !at(i, j + 9) && !at(i, j + 10)) p += 40;
      }
    }
  }
  let dark = 0;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const v = g[r * n + c]!;
      dark += v;
      if (r + 1 < n && c + 1 < n && v === g[r * n + c + 1] && v === g[(r + 1) * n + c] && v === g[(r + 1) * n + c + 1]) p += 3;
    }
  p += Math.floor(Math.abs((dark * 20) / (n * n) - 10)) * 10;
  return p;
}

/** Encodes text (UTF-8, byte mode) at level M in the smallest version that fits, with the best mask. */
export function encodeQr(text: string): QrCode {
  const bytes = utf8(text);
  const version = chooseVersion(bytes.length);
  const n = sizeOf(version);
  const cws = codewords(bytes, version);
  const positions = dataPositions(version);
  const fn = functionMap(version);
  const base = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  drawFunctionPatterns(base, version);
  positions.forEach(([r, c], i) => {
    const byte = cws[i >> 3];
    base[r]![c] = byte !== undefined && ((byte >>> (7 - (i & 7))) & 1) === 1;
  });
  let best: QrCode | null = null;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const m = base.map((row) => row.slice());
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (!fn[r]![c] && MASKS[mask]!(r, c)) m[r]![c] = !m[r]![c];
    drawFormat(m, mask);
    const score = penalty(m);
    if (score < bestScore) {
      bestScore = score;
      best = { version, size: n, mask, modules: m };
    }
  }
  return best!;
}

/** An SVG path (one "M x y h1 v1 h-1 z" per dark module) with a quiet zone of `quiet` modules. */
export function qrSvgPath(qr: QrCode, quiet = 4): string {
  const parts: string[] = [];
  qr.modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) parts.push(`M${c + quiet} ${r + quiet}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
