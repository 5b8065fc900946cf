/** Loads the demo street into an empty database. (Being written.) */
import type { Store } from '../store/store';

export function loadDemoStreet(_store: Store): void {
  throw new Error('demo generator not written yet');
}
