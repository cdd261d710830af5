// The SQL runner (runner.ts): PGlite, bundled whole into this script, started from the bytes of
// PostgreSQL's WebAssembly, its data files and initdb, with the sample tables. The run is
// sql-run.ts's, the same code the tests run in Node; results are cut to SQL_LIMITS there.
import { PGlite, types } from '@electric-sql/pglite';
import { serveOneRun } from './runner.ts';
import { prepareDatabase, runSql, textParsers } from './sql-run.ts';
import { SEARCH_PATH } from './sample-database.ts';

serveOneRun(async (_cutText, file) => {
	const [pgliteWasmModule, initdbWasmModule] = await Promise.all([WebAssembly.compile(file('pglite.wasm')), WebAssembly.compile(file('initdb.wasm'))]);
	const db = await PGlite.create({ pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([file('pglite.data')]), parsers: textParsers(Object.keys(types.parsers)) });
	await prepareDatabase(db);
	await db.exec(SEARCH_PATH);
	return async (code, send) => {
		const { results, failed } = await runSql(db, code);
		send({ type: 'results', results });
		return { failed };
	};
});
