import { sha256Hex } from './sha256';

/** A UUID-shaped id (version 8, RFC 9562 custom) from a name: rows that are the same thing on two PCs get the same id. */
export function nameId(name: string): string {
  const h = sha256Hex(`doudi-desk/${name}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
