/** app.* procedures: what the window needs of the backend before anything else. */
import { emptyInput, proc } from '../api/proc';

export interface AppClockInfo {
  /** The backend's clock (ISO UTC): the app's one source of "now", injected in tests. */
  now: string;
  /** Its Shanghai calendar day. */
  today: string;
}

export const appProcedures = {
  'app.clock': proc<AppClockInfo>()(emptyInput, 'public', { background: true }),
} as const;
