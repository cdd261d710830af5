// The SQL runner (runner.ts): PGlite, bundled whole into this script, started from the bytes of
// PostgreSQL's WebAssembly, its data files and the build's data folder that already holds the sample
// tables (make-sql-database.ts). The run is sql-run.ts's, the same code the tests run in Node;
// results are cut to SQL_LIMITS there.
import { PGlite, types } from '@electric-sql/pglite';
import { serveOneRun } from './runner.ts';
import { SQL_DATABASE, runSql, textParsers } from './sql-run.ts';
import { SEARCH_PATH } from './sample-database.ts';

/** An empty WebAssembly module: initdb never runs (the data folder is made), and PGlite then fetches no initdb of its own. */
const NO_INITDB = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

serveOneRun(async (_cutText, file) => {
	const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(file('pglite.wasm')), WebAssembly.compile(NO_INITDB)]);
	const db = await PGlite.create({
		pgliteWasmModule,
		initdbWasmModule,
		fsBundle: new Blob([file('pglite.data')]),
		// A tar, gzipped or not (a host may undo the gzip): PGlite unpacks either.
		loadDataDir: new Blob([file(SQL_DATABASE)]),
		parsers: textParsers(Object.keys(types.parsers)),
	});
	await db.exec(SEARCH_PATH);
	return async (code, send) => {
		const { results, failed } = await runSql(db, code);
		send({ type: 'results', results });
		return { failed };
	};
});
