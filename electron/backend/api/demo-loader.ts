import type { Store } from '../store/store';

/** Fills an empty database with the demo street (see demo/). */
export type DemoLoader = (store: Store, onProgress?: (done: number, total: number) => void) => Promise<void>;
