/** Staff signed in on sync-test replicas: each replica keeps the token of its latest sign-in. */
import type { InputOf, OutputOf, ProcedureName } from '../../shared/api/contract';
import type { Replica } from './harness';

export function staffSessions() {
  const tokens = new Map<Replica, string>();
  const token = (r: Replica): string => {
    const t = tokens.get(r);
    if (!t) throw new Error(`nobody is signed in on ${r.name}`);
    return t;
  };
  return {
    token,
    async signIn(r: Replica, username: string, password: string): Promise<void> {
      const res = await r.backend.call('auth.login', { username, password }, null);
      if (!res.ok) throw new Error(res.error.message);
      tokens.set(r, (res.result as { token: string }).token);
    },
    /** A procedure called as the replica's signed-in user; a refusal throws with its code. */
    async call<P extends ProcedureName>(r: Replica, p: P, input: InputOf<P>): Promise<OutputOf<P>> {
      const res = await r.backend.call(p, input, tokens.get(r) ?? null);
      if (!res.ok) throw new Error(`${p}: ${res.error.code} ${res.error.message}`);
      return res.result as OutputOf<P>;
    },
  };
}
