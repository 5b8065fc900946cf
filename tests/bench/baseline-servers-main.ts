/**
 * Child process of the sync-bootstrap bench serving a baseline (sync-baselines.ts), argv[2]:
 * - `raw <records.json>`: node:http answering every request with the records serialized as JSON
 *   (serialized per request, as a server would);
 * - `pouch <dir>`: express-pouchdb serving the PouchDB databases under <dir>/server (LevelDB).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serveParent } from './child-server-main';

const [kind, where] = process.argv.slice(2) as [string, string];

async function app(): Promise<http.RequestListener> {
  if (kind === 'raw') {
    const records: unknown = JSON.parse(fs.readFileSync(where, 'utf8'));
    return (_req, res) => {
      const body = JSON.stringify(records);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
  }
  const { default: express } = await import('express');
  const { default: expressPouchdb } = await import('express-pouchdb');
  const { default: PouchDB } = await import('pouchdb-node');
  const ServerPouch = PouchDB.defaults({ prefix: `${path.join(where, 'server')}${path.sep}` });
  const e = express();
  e.use('/', expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: path.join(where, 'log.txt') }));
  return e;
}

const server = http.createServer(await app());
server.listen(0, '127.0.0.1', () => {
  serveParent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {}, () => new Promise((resolve) => server.close(() => resolve())));
});
