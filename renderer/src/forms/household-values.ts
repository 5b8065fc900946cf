/** The household form's values and their conversion to the API's household input and back. */
import type { HouseholdInput } from '../../../shared/registry/schemas';
import type { HouseholdDetail } from '../../../shared/registry/types';
import type { AssistanceCategory, HouseholdStatus } from '../../../shared/codes';
import { situationTags } from '../../../shared/assistance/programme-categories';

export interface HouseholdFormValues {
  communityId?: string;
  gridId?: string;
  address?: string;
  hukouType?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  accountHolder?: string;
  categories?: string[];
  status?: string;
  notes?: string;
}

export function emptyHousehold(): HouseholdFormValues {
  return { hukouType: 'urban', status: 'active', categories: [] };
}

function text(v: string | undefined | null): string | null {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
}

type In = HouseholdInput;

export function toHouseholdInput(v: HouseholdFormValues) {
  return {
    communityId: v.communityId ?? '',
    gridId: v.gridId ?? null,
    address: (v.address ?? '').trim(),
    hukouType: v.hukouType as In['hukouType'],
    phone: text(v.phone),
    bankName: text(v.bankName),
    bankAccount: text(v.bankAccount?.replace(/\s/g, '')),
    accountHolder: text(v.accountHolder),
    categories: (v.categories ?? []) as AssistanceCategory[],
    status: (v.status ?? 'active') as HouseholdStatus,
    notes: text(v.notes),
  };
}

export function fromHouseholdDetail(h: HouseholdDetail): HouseholdFormValues {
  return {
    communityId: h.communityId,
    gridId: h.gridId ?? undefined,
    address: h.address,
    hukouType: h.hukouType,
    phone: h.phone ?? undefined,
    bankName: h.bankName ?? undefined,
    bankAccount: h.bankAccount ?? undefined,
    accountHolder: h.accountHolder ?? undefined,
    // The form edits situation tags; programmes are read-only (HouseholdFields' programmes).
    categories: situationTags(h.categories),
    status: h.status,
    notes: h.notes ?? undefined,
  };
}
