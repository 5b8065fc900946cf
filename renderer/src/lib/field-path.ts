/**
 * Maps the `field` of an API error ("members.1.idNumber", "patch.address") to the name path of a form
 * field (['members', 1, 'idNumber'], ['address']).
 */
export type NamePath = (string | number)[];

export interface FieldPathOptions {
  /** Leading segments the form does not have, e.g. 'patch' or 'person'. */
  dropPrefixes?: readonly string[];
  /** Last-segment renames where the form holds a different field (monthlyFen -> monthlyYuan). */
  rename?: Readonly<Record<string, string>>;
}

export const DEFAULT_RENAMES: Readonly<Record<string, string>> = { monthlyFen: 'monthlyYuan' };

export function fieldPathFromApi(field: string | undefined, opts: FieldPathOptions = {}): NamePath | null {
  if (!field) return null;
  const parts: NamePath = field
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  while (parts.length > 0 && typeof parts[0] === 'string' && opts.dropPrefixes?.includes(parts[0])) parts.shift();
  if (parts.length === 0) return null;
  const renames = { ...DEFAULT_RENAMES, ...opts.rename };
  const last = parts[parts.length - 1];
  if (typeof last === 'string' && renames[last]) parts[parts.length - 1] = renames[last]!;
  return parts;
}
