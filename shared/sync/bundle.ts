/**
 * Sync by file (USB), for a PC that cannot reach the district server for days: the PC's outbox and
 * pull cursor go to the district in one file (导出同步包), the server answers with the push result and
 * the changes the PC lacks (导入同步包). One format for both directions, read and written by the PC and
 * the server alike:
 *
 *   DOUDI-SYNC-BUNDLE 1\n<header JSON>\n<12-byte IV><AES-256-GCM ciphertext + 16-byte tag>
 *
 * The header (street, device, kind, sequence, creation instant) is in clear so that a bundle of
 * another street or device is refused by name, and is authenticated with the payload (GCM's
 * additional data): a flipped byte anywhere fails the tag. The key is HKDF-SHA256 of what only the
 * device and the server hold: the sha256 of the device's bearer token (the server keeps exactly
 * that, devices.token_hash), with the device id and the direction, so that an answer can never be
 * passed off as an outbox. WebCrypto (Node's own crypto behind globalThis.crypto), since shared/
 * imports no Node module; the payload is gzip'd JSON (CompressionStream).
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { ChangeSchema, PullResponseSchema, PushResponseSchema, ReplicaSchema, zPartition, type Change, type OwnCheck, type PullResponse, type PushResponse, type Replica } from './wire';

const MAGIC = 'DOUDI-SYNC-BUNDLE 1\n';
const IV_BYTES = 12;
/** A header is a few hundred bytes; more is not a bundle. */
const MAX_HEADER = 2048;

export const BundleHeaderSchema = z.strictObject({
  /** 'outbox': PC → district; 'answer': district → PC, answering the outbox of the same seq. */
  kind: z.enum(['outbox', 'answer']),
  street: zPartition,
  deviceId: z.string().min(1).max(64),
  /** 1, 2, … per device: the district imports each once and never one older than the last. */
  seq: z.number().int().min(1),
  createdAt: z.string().max(40),
});
export type BundleHeader = z.infer<typeof BundleHeaderSchema>;

export const OutboxPayloadSchema = z.strictObject({
  changes: z.array(ChangeSchema),
  /** The PC's pull cursor: the answer brings the changes after it. */
  cursor: z.number().int().min(0),
  check: z.strictObject({ known: z.string(), node: z.string() }),
  replica: ReplicaSchema,
  /** A signed-in user's ticket for users rows, if the PC holds one (may have expired on arrival). */
  ticket: z.string().max(4096).nullable(),
});
export interface OutboxPayload {
  changes: Change[];
  cursor: number;
  check: OwnCheck;
  replica: Replica;
  ticket: string | null;
}

export const AnswerPayloadSchema = z.strictObject({
  /** The server's answer to the outbox, as to a push. */
  result: PushResponseSchema,
  /** Pull pages after the outbox's cursor, up to the answer's size limit. */
  pages: z.array(PullResponseSchema),
  /** The server holds more changes for the PC than the pages carry (the next sync brings them). */
  more: z.boolean(),
});
export interface AnswerPayload {
  result: PushResponse;
  pages: PullResponse[];
  more: boolean;
}

/** 同步包-<街道>-<日期>-<序号>.doudi; the answer: 同步应答-… */
export function bundleFileName(h: BundleHeader, streetName: string, day: string): string {
  const safe = streetName.replace(/[\\/:*?"<>|\s]/g, '');
  return `${h.kind === 'outbox' ? '同步包' : '同步应答'}-${safe}-${day.replace(/-/g, '')}-${h.seq}.doudi`;
}

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

/** The shared secret as both sides hold it: hex sha256 of the device's bearer token. */
export async function tokenDigest(token: string): Promise<string> {
  const d = new Uint8Array(await subtle().digest('SHA-256', utf8.encode(token)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function bundleKey(tokenHash: string, h: Pick<BundleHeader, 'deviceId' | 'kind'>): Promise<CryptoKey> {
  const ikm = await subtle().importKey('raw', utf8.encode(tokenHash), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8.encode('doudi-sync-bundle'), info: utf8.encode(`${h.kind}|${h.deviceId}`) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function headPart(h: BundleHeader): Uint8Array {
  return utf8.encode(`${MAGIC}${JSON.stringify(h)}\n`);
}

/** Writes a bundle: header in clear, payload gzip'd and sealed with the device's key for its direction. */
export async function sealBundle(tokenHash: string, h: BundleHeader, payload: OutboxPayload | AnswerPayload): Promise<Uint8Array> {
  const head = headPart(h);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = await through(utf8.encode(JSON.stringify(payload)), new CompressionStream('gzip'));
  const key = await bundleKey(tokenHash, h);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: head as Uint8Array<ArrayBuffer> }, key, plain as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(head.length + IV_BYTES + sealed.length);
  out.set(head);
  out.set(iv, head.length);
  out.set(sealed, head.length + IV_BYTES);
  return out;
}

/** The clear header of a bundle (not yet authenticated: check it names this street and device, then open). */
export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  const magic = utf8.encode(MAGIC);
  const notBundle = () => new AppError('bundle-invalid', '所选文件不是同步包（.doudi），或文件开头已损坏');
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) throw notBundle();
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > MAX_HEADER) throw notBundle();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(magic.length, end)));
  } catch {
    throw notBundle();
  }
  const h = BundleHeaderSchema.safeParse(parsed);
  if (!h.success) throw notBundle();
  return h.data;
}

/** Opens a bundle whose header was checked: a failed tag (a changed byte, a wrong key) is `bundle-tampered`. */
export async function openBundle<T extends z.ZodType>(tokenHash: string, bytes: Uint8Array, schema: T): Promise<{ header: BundleHeader; payload: z.output<T> }> {
  const header = readBundleHeader(bytes);
  const headLen = bytes.indexOf(0x0a, utf8.encode(MAGIC).length) + 1;
  const head = bytes.subarray(0, headLen);
  const iv = bytes.subarray(headLen, headLen + IV_BYTES);
  const sealed = bytes.subarray(headLen + IV_BYTES);
  let plain: Uint8Array;
  try {
    const key = await bundleKey(tokenHash, header);
    plain = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: iv.slice(), additionalData: head.slice() }, key, sealed.slice()));
  } catch {
    throw new AppError('bundle-tampered', '同步包校验失败：文件在复制途中被改动或损坏，或不是本设备的同步包；未导入任何内容');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(await through(plain, new DecompressionStream('gzip'))));
  } catch {
    throw new AppError('bundle-invalid', '同步包内容无法读取：可能由不兼容的程序版本生成；未导入任何内容');
  }
  const p = schema.safeParse(payload);
  if (!p.success) throw new AppError('bundle-invalid', '同步包内容格式不正确：可能由不兼容的程序版本生成；未导入任何内容');
  return { header, payload: p.data };
}
