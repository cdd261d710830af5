// Run by made-files.ts in a process of its own: makes PostgreSQL's data folder in PGlite, with the
// sample tables, and writes it as a gzipped tar to the path given, so that a Run opens a database
// that is already there instead of running initdb and filling it (seconds). Byte for byte the same
// on every build (fixed-clock.ts).
import './fixed-clock.ts';
import { PGlite } from '@electric-sql/pglite';
import { writeFileSync } from 'node:fs';
import { prepareDatabase } from './sql-run.ts';

const [output] = process.argv.slice(2);
if (!output) throw new Error('usage: node make-sql-database.ts <output file>');

const db = await PGlite.create();
await prepareDatabase(db);
// Both make a Run's database start sooner (docs/performance-log.md, 2026-12-06). template0 is only
// the source of `CREATE DATABASE … TEMPLATE template0` (a reader's CREATE DATABASE copies template1,
// which stays); without it the folder to download and unpack is a fifth smaller.
await db.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = 'template0'`);
await db.exec('DROP DATABASE template0');
// PostgreSQL's default of 128 MB of shared buffers is set up at every start, for tables that fill a
// few pages: 16 MB also leaves the tab that much more memory.
await db.exec(`ALTER SYSTEM SET shared_buffers = '16MB'`);
// Everything written to the tables' own files, so the folder does not depend on replaying the log.
await db.exec('CHECKPOINT');
const folder = await db.dumpDataDir('gzip');
await db.close();
writeFileSync(output, new Uint8Array(await folder.arrayBuffer()));
