/**
 * Decodes a QR module matrix produced at level M (versions 1–10, byte mode): reads and checks the
 * format information, removes the mask, reads the codewords, verifies them with Reed–Solomon
 * syndromes and returns the text. Used by tests to read back printed cards.
 */
import { BLOCKS_M, EXP, MASKS, dataPositions, formatBits, functionMap, gfMul } from './tables';

export function decodeQr(modules: boolean[][]): string {
  const n = modules.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`unsupported QR size ${n}`);
  // Format information, first copy.
  let fmt = 0;
  const get = (r: number, c: number) => (modules[r]![c] ? 1 : 0);
  const seq: [number, number][] = [];
  for (let i = 0; i <= 5; i++) seq.push([i, 8]);
  seq.push([7, 8], [8, 8], [8, 7]);
  for (let i = 9; i < 15; i++) seq.push([8, 14 - i]);
  seq.forEach(([r, c], i) => (fmt |= get(r, c) << i));
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((m) => formatBits(m) === fmt);
  if (mask === undefined) throw new Error('format information is not level M or is damaged');
  const fn = functionMap(version);
  const bits: number[] = [];
  for (const [r, c] of dataPositions(version)) {
    void fn;
    bits.push((modules[r]![c] ? 1 : 0) ^ (MASKS[mask]!(r, c) ? 1 : 0));
  }
  const [ecLen, groups] = BLOCKS_M[version]!;
  const total = groups.reduce((s, [cnt, k]) => s + cnt * (k + ecLen), 0);
  const cws: number[] = [];
  for (let i = 0; i < total; i++) cws.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  // De-interleave.
  const sizes: number[] = groups.flatMap(([cnt, k]) => new Array<number>(cnt).fill(k));
  const blocks = sizes.map(() => [] as number[]);
  let at = 0;
  const maxK = Math.max(...sizes);
  for (let i = 0; i < maxK; i++) sizes.forEach((k, b) => i < k && blocks[b]!.push(cws[at++]!));
  const ecs = sizes.map(() => [] as number[]);
  for (let i = 0; i < ecLen; i++) sizes.forEach((_k, b) => ecs[b]!.push(cws[at++]!));
  const data: number[] = [];
  blocks.forEach((d, b) => {
    const word = [...d, ...ecs[b]!];
    for (let j = 0; j < ecLen; j++) {
      let s = 0;
      for (const w of word) s = gfMul(s, EXP[j]!) ^ w;
      if (s !== 0) throw new Error('Reed–Solomon check failed');
    }
    data.push(...d);
  });
  const dbits = data.flatMap((b) => Array.from({ length: 8 }, (_, i) => (b >>> (7 - i)) & 1));
  const read = (from: number, len: number) => dbits.slice(from, from + len).reduce((a, b) => (a << 1) | b, 0);
  if (read(0, 4) !== 0b0100) throw new Error('not byte mode');
  const cbits = version <= 9 ? 8 : 16;
  const len = read(4, cbits);
  const bytes = Array.from({ length: len }, (_, i) => read(4 + cbits + i * 8, 8));
  return new TextDecoder().decode(new Uint8Array(bytes));
}
