/**
 * A ledger number made on a PC: kind (WT item, XS clue), the Shanghai day, the day's sequence and
 * the device (the node id's tail), so that two PCs of a street numbering the same day never collide.
 */
export function ledgerNumber(prefix: 'WT' | 'XS', day: string, seq: number, nodeId: string): string {
  return `${prefix}-${day.replace(/-/g, '')}-${String(seq).padStart(3, '0')}-${nodeId.slice(-4).toUpperCase()}`;
}
