// Minimal declarations for the PouchDB comparison of the sync-bootstrap bench (no @types installed).
declare module 'pouchdb-node' {
  interface PouchDatabase {
    bulkDocs(docs: Record<string, unknown>[]): Promise<{ ok?: boolean; error?: string }[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, opts?: Record<string, unknown>): PouchDatabase;
    defaults(opts: Record<string, unknown>): PouchStatic;
    replicate(
      source: string | PouchDatabase,
      target: string | PouchDatabase,
      opts?: Record<string, unknown>,
    ): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number; errors: unknown[] }>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  function expressPouchdb(pouch: unknown, opts?: Record<string, unknown>): RequestListener;
  export default expressPouchdb;
}

declare module 'express' {
  import type { RequestListener } from 'node:http';
  interface ExpressApp extends RequestListener {
    use(path: string, handler: RequestListener): ExpressApp;
  }
  function express(): ExpressApp;
  export default express;
}
