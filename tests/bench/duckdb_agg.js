// duckdb_agg.js OUT FILE... — DuckDB's best case: explicit schema, no
// sniffing, aggregate straight from the CSV files without storing rows.
'use strict';
const { readCsv, countSql, writeCounts, open } = require('./common.js');

(async () => {
  const [out, ...files] = process.argv.slice(2);
  const conn = await open(':memory:');
  await writeCounts(conn, countSql(readCsv(files)), out);
})().catch((e) => { console.error(e.message); process.exit(70); });
