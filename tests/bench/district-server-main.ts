/**
 * Child process of the sync benches: the district server (the app's Fastify server and storage)
 * over the database the parent filled, a PGlite data directory or a PostgreSQL URL (argv[2]).
 * Answers 'code' (a one-time enrollment code of a street) for the parent's enrollments.
 */
import { openServerDb } from '../../server/db/open';
import { buildServer } from '../../server/app';
import * as admin from '../../server/admin/commands';
import { serveParent } from './child-server-main';

const where = process.argv[2]!;
const opened = await openServerDb(where.startsWith('postgres') ? { databaseUrl: where } : { dataDir: where });
const app = buildServer({ db: opened, bodyLimit: 64 * 1024 * 1024 });
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
if (!addr || typeof addr === 'string') throw new Error('no address');
serveParent(
  `http://127.0.0.1:${addr.port}`,
  { code: async (street) => (await admin.issueEnrollmentCode(opened.db, new Date(), String(street))).code },
  async () => {
    await app.close();
    await opened.close();
  },
);
