/** The handler type every area implements: one function per procedure of the contract. */
import type { OutputOf, ParsedInputOf, ProcedureName } from '../../../shared/api/contract';
import type { CallContext } from './context';

export type Handler<P extends ProcedureName> = (input: ParsedInputOf<P>, ctx: CallContext) => OutputOf<P> | Promise<OutputOf<P>>;

export type Handlers<P extends ProcedureName = ProcedureName> = { [K in P]: Handler<K> };

/** Procedures whose name starts with the prefix, e.g. AreaHandlers<'registry.'>. */
export type AreaHandlers<Prefix extends string> = Handlers<Extract<ProcedureName, `${Prefix}${string}`>>;
