/** Building blocks of the API contract: a procedure's input schema, output type and access. */
import { z } from 'zod';
import type { Role } from '../codes';

/** 'public': no sign-in needed; 'any': any signed-in user; else the roles listed. */
export type Access = 'public' | 'any' | readonly Role[];

export interface ProcedureDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /**
   * Polled by the renderer on a timer (the header's sync indicator): a call does not count as the
   * user's activity, so it never keeps an idle session alive.
   */
  background?: true;
  /** Phantom: carries the output type. */
  output?: O;
}

export function proc<O>() {
  return <I extends z.ZodType>(input: I, access: Access, opts: { background?: true } = {}): ProcedureDef<I, O> => ({
    input,
    access,
    ...opts,
  });
}

export const emptyInput = z.strictObject({});
export const STAFF: readonly Role[] = ['caseworker', 'supervisor', 'street-admin', 'district-admin'];
export const ADMINS: readonly Role[] = ['street-admin', 'district-admin'];
export const SUPERVISORS: readonly Role[] = ['supervisor', 'street-admin', 'district-admin'];
