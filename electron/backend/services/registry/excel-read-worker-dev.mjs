// The import reader's entry in development and tests: registers tsx's loader in this thread, then
// runs the TypeScript reader (a worker thread does not take the parent's loader; Electron runs the bundle).
import { register } from 'tsx/esm/api';

register();
await import('./excel-read-worker.ts');
