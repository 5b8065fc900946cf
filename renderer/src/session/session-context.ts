/** The signed-in session and what the app knows about its street, for every screen under the layout. */
import { createContext, useContext } from 'react';
import type { SessionInfo, SetupStatus } from '../../../shared/auth/schemas';

export interface SessionContextValue {
  session: SessionInfo;
  setupStatus: SetupStatus;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}
