/**
 * A query asked both street-wide (a list) and for one row (the enrolment, household or person one
 * call works on). SQLite uses no index for `(@one IS NULL OR x = @one)`, so a single text serving both
 * reads the whole street on every one-row call. Each such query is written once, from parts, and
 * built in its two forms here: what the forms share cannot drift apart, and the one-row form names
 * its key so SQLite searches the index on it (one-row-query.test.ts checks the plans).
 */
export interface OneRowQuery {
  /** The street-wide form. */
  any: string;
  /** The one-row form. */
  one: string;
}

export interface QueryParts {
  /** Text that differs between the forms: `any` in the street-wide one, `one` in the one-row one. */
  either(any: string, one: string): string;
  /** A condition of the one-row form only, `AND column = @param`; nothing street-wide. */
  onlyOne(column: string, param?: string): string;
}

const FORMS = {
  any: { either: (any: string) => any, onlyOne: () => '' },
  one: { either: (_any: string, one: string) => one, onlyOne: (column: string, param = 'one') => `AND ${column} = @${param}` },
} satisfies Record<keyof OneRowQuery, QueryParts>;

/** Builds both forms of a query from one text. */
export function oneRowQuery(build: (parts: QueryParts) => string): OneRowQuery {
  return { any: build(FORMS.any), one: build(FORMS.one) };
}

/** The form of a query for a key that may be absent (null: street-wide). */
export function formFor(q: OneRowQuery, one: string | null | undefined): string {
  return one === null || one === undefined ? q.any : q.one;
}
