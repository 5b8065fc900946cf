/** QR code tables (ISO/IEC 18004) for error-correction level M, versions 1–10. */

/** [ec codewords per block, [blocks, data codewords per block][]] */
export const BLOCKS_M: Record<number, [number, [number, number][]]> = {
  1: [10, [[1, 16]]],
  2: [16, [[1, 28]]],
  3: [26, [[1, 44]]],
  4: [18, [[2, 32]]],
  5: [24, [[2, 43]]],
  6: [16, [[4, 27]]],
  7: [18, [[4, 31]]],
  8: [22, [[2, 38], [2, 39]]],
  9: [22, [[3, 36], [2, 37]]],
  10: [26, [[4, 43], [1, 44]]],
};

export const ALIGNMENT: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};

export const MAX_VERSION = 10;

export function dataCodewords(version: number): number {
  return BLOCKS_M[version]![1].reduce((s, [n, k]) => s + n * k, 0);
}

export function sizeOf(version: number): number {
  return 17 + 4 * version;
}

// GF(256) with polynomial 0x11d.
export const EXP = new Uint8Array(512);
export const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}

export function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** Reed–Solomon error-correction codewords of `data`. */
export function rsEncode(data: number[], ecLen: number): number[] {
  // Generator polynomial (x - α^0)(x - α^1)…(x - α^(ecLen-1)), coefficients high to low.
  let gen = [1];
  for (let i = 0; i < ecLen; i++) {
    const next = new Array<number>(gen.length + 1).fill(0);
    for (let j = 0; j < gen.length; j++) {
      next[j] = next[j]! ^ gen[j]!;
      next[j + 1] = next[j + 1]! ^ gfMul(gen[j]!, EXP[i]!);
    }
    gen = next;
  }
  const rem = new Array<number>(ecLen).fill(0);
  for (const d of data) {
    const factor = d ^ rem.shift()!;
    rem.push(0);
    for (let j = 0; j < ecLen; j++) rem[j] = rem[j]! ^ gfMul(gen[j + 1]!, factor);
  }
  return rem;
}

function bch(value: number, poly: number, bits: number): number {
  const polyLen = 32 - Math.clz32(poly);
  let v = value << (polyLen - 1);
  while (32 - Math.clz32(v) >= polyLen) v ^= poly << (32 - Math.clz32(v) - polyLen);
  return (value << (polyLen - 1)) | v;
  void bits;
}

/** 15-bit format information for level M (bits 00) and a mask. */
export function formatBits(mask: number): number {
  return bch((0b00 << 3) | mask, 0x537, 15) ^ 0x5412;
}

/** 18-bit version information (versions 7+). */
export function versionBits(version: number): number {
  return bch(version, 0x1f25, 18);
}

export const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

const FUNCTION_MAPS = new Map<number, boolean[][]>();
const POSITIONS = new Map<number, [number, number][]>();

/** Marks the function patterns (finders, separators, timing, alignment, format and version areas). Cached; do not mutate. */
export function functionMap(version: number): boolean[][] {
  let f = FUNCTION_MAPS.get(version);
  if (!f) FUNCTION_MAPS.set(version, (f = buildFunctionMap(version)));
  return f;
}

function buildFunctionMap(version: number): boolean[][] {
  const n = sizeOf(version);
  const f = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const box = (r0: number, c0: number, h: number, w: number) => {
    for (let r = Math.max(0, r0); r < Math.min(n, r0 + h); r++)
      for (let c = Math.max(0, c0); c < Math.min(n, c0 + w); c++) f[r]![c] = true;
  };
  box(0, 0, 9, 9);
  box(0, n - 8, 9, 8);
  box(n - 8, 0, 8, 9);
  for (let i = 0; i < n; i++) {
    f[6]![i] = true;
    f[i]![6] = true;
  }
  const al = ALIGNMENT[version]!;
  for (const r of al)
    for (const c of al) {
      if ((r === 6 && c === 6) || (r === 6 && c === al[al.length - 1]) || (c === 6 && r === al[al.length - 1])) continue;
      box(r - 2, c - 2, 5, 5);
    }
  if (version >= 7) {
    box(0, n - 11, 6, 3);
    box(n - 11, 0, 3, 6);
  }
  return f;
}

/** The order in which data bits are placed: the zig-zag of two-column strips from the bottom right. Cached. */
export function dataPositions(version: number): [number, number][] {
  let p = POSITIONS.get(version);
  if (!p) POSITIONS.set(version, (p = buildDataPositions(version)));
  return p;
}

function buildDataPositions(version: number): [number, number][] {
  const n = sizeOf(version);
  const f = functionMap(version);
  const out: [number, number][] = [];
  let upward = true;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let i = 0; i < n; i++) {
      const r = upward ? n - 1 - i : i;
      for (const c of [right, right - 1]) if (!f[r]![c]) out.push([r, c]);
    }
    upward = !upward;
  }
  return out;
}
