// duckdb_store.js DB OUT FILE... — the fair peer of sio-ingest + sio-transform:
// every row stored in a DuckDB file (explicit schema, no sniffing), then the
// counts computed from the stored table.
'use strict';
const fs = require('fs');
const { readCsv, countSql, writeCounts, open } = require('./common.js');

(async () => {
  const [db, out, ...files] = process.argv.slice(2);
  for (const f of [db, db + '.wal'])
    fs.rmSync(f, { force: true });
  const conn = await open(db);
  await conn.run(`CREATE TABLE street AS SELECT * FROM ${readCsv(files)}`);
  await conn.run('CHECKPOINT');
  await writeCounts(conn, countSql('street'), out);
})().catch((e) => { console.error(e.message); process.exit(70); });
