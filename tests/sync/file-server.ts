/**
 * The set-ups the sync tests share, as vitest hooks: one district server for a test file, started
 * before its tests and closed after them with every replica made through it; and on top of it the
 * common case of two enrolled PCs of street A, synced once.
 */
import { afterAll, beforeAll } from 'vitest';
import { makeReplica, openReplica, startServer, STREET_A, type Replica, type TestServer } from './harness';

export interface FileServer {
  /** Set once the file's beforeAll has run. */
  server: TestServer;
  /** The replicas closed after the file's tests (a test that closes one itself takes it out). */
  open: Replica[];
  /** Enrolls a replica of the street and syncs it once. */
  replica(name: string, street?: string): Promise<Replica>;
  /** Closes the replica keeping its data, does what is given meanwhile, and opens it again. */
  reopen(r: Replica, meanwhile?: () => void): Replica;
}

export function serverPerFile(opts: { afterClose?: (r: Replica) => void } = {}): FileServer {
  const file: FileServer = {
    server: undefined as unknown as TestServer,
    open: [],
    replica: async (name, street = STREET_A) => {
      const r = await makeReplica(file.server, name, street);
      file.open.push(r);
      await r.sync();
      return r;
    },
    reopen: (r, meanwhile) => {
      r.close({ keepData: true });
      meanwhile?.();
      const again = openReplica(r.name, r.dataDir);
      file.open.splice(file.open.indexOf(r), 1, again);
      return again;
    },
  };
  // PGlite's start and the server's migrations are a few seconds of CPU: over a minute of wall time
  // on a loaded 2-core machine (load 25). A hang guard, not a speed target.
  beforeAll(async () => {
    file.server = await startServer();
  }, 300_000);
  afterAll(async () => {
    for (const r of file.open) {
      r.close();
      opts.afterClose?.(r);
    }
    await file.server?.close();
  });
  return file;
}

export interface TwoPcs extends FileServer {
  a: Replica;
  b: Replica;
}

/** Two PCs of street A enrolled (under the names given) and synced once, for the file's tests. */
export function twoPcsOfStreetA(nameA: string, nameB: string): TwoPcs {
  const pcs = serverPerFile() as TwoPcs;
  beforeAll(async () => {
    pcs.a = await pcs.replica(nameA);
    pcs.b = await pcs.replica(nameB);
  }, 300_000);
  return pcs;
}
