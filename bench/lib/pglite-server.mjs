// Baseline for memory: PGlite alone on Baton's data dir (DATA_DIR/pglite, as Baton lays it out), behind a
// bare node:http /api/health that runs one query, so it is spawned, polled and measured like the servers.
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: path.join(path.resolve(process.env.DATA_DIR ?? './data'), 'pglite') });
const server = http.createServer((_request, response) => {
  db.query('SELECT count(*) AS clients FROM clients').then(
    (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.rows[0])),
    (error) => response.writeHead(500).end(String(error)),
  );
});

process.once('SIGTERM', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`PGlite alone running at http://${process.env.HOST ?? '127.0.0.1'}:${server.address().port}`);
});
