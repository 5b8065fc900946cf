/**
 * Where an unmatched department row belongs: the street (and community) its address names, or on a
 * street PC without an address the street whose county its ID number's region is. On a district PC
 * every street is a candidate; two streets (or none) leave the row unplaced.
 */
import { DISTRICT_PARTITION } from '../../../../shared/sync/wire';
import type { Store } from '../../store/store';

interface Area {
  streetCode: string;
  /** Names an address of the street may carry: the street's (without 街道/parenthesised notes) and its communities'. */
  names: string[];
  communities: { id: string; name: string }[];
  /** The county code (first 6 digits) of the street's division. */
  county: string;
}

function loadArea(store: Store, streetCode: string): Area {
  const street = (store.prepare('SELECT name FROM streets WHERE code = ? AND deleted_at IS NULL').get(streetCode) as { name: string } | undefined)?.name ?? '';
  const communities = store
    .prepare('SELECT id, name FROM communities WHERE street_code = ? AND deleted_at IS NULL')
    .all(streetCode) as { id: string; name: string }[];
  const bare = street.replace(/（[^）]*）|\([^)]*\)/g, '').replace(/街道$|镇$/, '');
  return { streetCode, names: [bare, ...communities.map((c) => c.name)].filter((n) => n.length >= 2), communities, county: streetCode.slice(0, 6) };
}

/** The street's area, or on a district PC every street's. */
export function loadAreas(store: Store, scope: string): Area[] {
  if (scope !== DISTRICT_PARTITION) return [loadArea(store, scope)];
  const codes = store.prepare('SELECT code FROM streets WHERE deleted_at IS NULL ORDER BY code').all() as { code: string }[];
  return codes.map((c) => loadArea(store, c.code));
}

/**
 * The one street an unmatched row belongs to, with its community when the address names one: a
 * community's name decides before a street's; two streets (or none) leave the row unplaced.
 */
export function placeOf(areas: Area[], idNumber: string, address: string | null): { streetCode: string; community: { id: string; name: string } | null } | null {
  const hits = areas.map((a) => ({ streetCode: a.streetCode, ...inArea(a, idNumber, address) })).filter((h) => h.yes);
  const named = hits.filter((h) => h.community !== null);
  const pick = named.length > 0 ? named : hits;
  return pick.length === 1 ? pick[0]! : null;
}

function inArea(area: Area, idNumber: string, address: string | null): { yes: boolean; community: { id: string; name: string } | null } {
  if (address) {
    const plain = address.replace(/\s+/g, '');
    const community = area.communities.find((c) => plain.includes(c.name)) ?? null;
    return { yes: community !== null || area.names.some((n) => plain.includes(n)), community };
  }
  return { yes: idNumber.startsWith(area.county), community: null };
}
