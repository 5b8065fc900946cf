/**
 * What a printed card or agreement needs and does not have. Blank fields print as lines to fill by
 * hand (never a fallback); these lists make the print ask first.
 */
export function cardMissing(c: { hotline: string; streetContact: string; streetPhone: string; emergency: string }): string[] {
  const out: string[] = [];
  if (!c.hotline) out.push('监督电话');
  if (!c.streetContact) out.push('街道联系人');
  if (!c.streetPhone) out.push('街道联系电话');
  if (!c.emergency) out.push('应急预案');
  return out;
}

export function agreementMissing(a: { hotline: string; partyB: { phone: string; address: string | null } }): string[] {
  const out: string[] = [];
  if (!a.hotline) out.push('监督电话');
  if (!a.partyB.phone) out.push('乙方联系电话');
  if (!a.partyB.address) out.push('乙方住址');
  return out;
}
