// common.js — what both DuckDB peers share: the police.uk street schema,
// given explicitly (auto_detect=false: no sniffing of every file), and the
// count that matches sio-transform's monthly_counts: each non-empty Crime ID
// once, plus every row without one (anti-social behaviour).
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');
const fs = require('fs');

const columns = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
];
const types = { 'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE' };

function readCsv(files) {
  const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
  const cols = columns.map((c) => `'${c}': '${types[c] || 'VARCHAR'}'`).join(', ');
  return `read_csv([${list}], auto_detect=false, header=true, delim=',', quote='"',` +
         ` escape='"', columns={${cols}})`;
}

function countSql(from) {
  return `SELECT "Falls within" AS force, "Crime type" AS crime_type, "Month" AS month,
            COUNT(DISTINCT "Crime ID") + COUNT(*) FILTER (WHERE "Crime ID" IS NULL) AS n
          FROM ${from} GROUP BY ALL ORDER BY ALL`;
}

async function writeCounts(conn, sql, out) {
  const reader = await conn.runAndReadAll(sql);
  const lines = ['force,crime_type,month,count'];
  for (const r of reader.getRows())
    lines.push(`${r[0]},${r[1]},${r[2]},${r[3]}`);
  fs.writeFileSync(out, lines.join('\n') + '\n');
}

async function open(path) {
  const instance = await DuckDBInstance.create(path);
  return instance.connect();
}

module.exports = { readCsv, countSql, writeCounts, open };
