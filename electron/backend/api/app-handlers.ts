/** app.* procedures: the backend's clock, so that the window counts days by the app's clock, not its own. */
import { shanghaiDate } from '../../../shared/time/shanghai';
import type { AreaHandlers } from './handlers';

export function appHandlers(): AreaHandlers<'app.'> {
  return {
    'app.clock': (_i, { store }) => {
      const now = store.nowDate();
      return { now: now.toISOString(), today: shanghaiDate(now) };
    },
  };
}
