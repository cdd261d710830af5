// Runs examples in Node with the runtimes the browser uses (Pyodide, PGlite), for the recorder and
// the tests, from the starting states the site's runners use (made-files.ts). Pyodide is restored
// once; each SQL example gets a fresh database.
import { PGlite, types } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { ContentExample } from './collect.ts';
import { preparePython, PYODIDE_ENV } from './python-run.ts';
import { pythonSnapshot, sqlDatabase } from './made-files.ts';
import { mergeChunks, type RecordedRun, type StreamChunk } from './rules.ts';
import { sqlSession, textParsers, type SqlSession } from './sql-run.ts';

export interface NodeRunners {
	/** The loaded Pyodide, for checks beyond a plain run (what each line prints). */
	pyodide: PyodideAPI;
	run(example: ContentExample): Promise<RecordedRun>;
	/** The Python runtime's sys.stdlib_module_names (to check src/examples/stdlib-modules.ts). */
	stdlibModules(): Promise<string[]>;
	close(): Promise<void>;
}

/** Loads the runtimes (Pyodide now, PGlite at the first SQL example). */
export async function createNodeRunners(): Promise<NodeRunners> {
	// Restored from the snapshot a reader's Run restores, so what runs here is the Python of the site.
	const pyodide = await loadPyodide({ env: { ...PYODIDE_ENV }, _loadSnapshot: gunzipSync(readFileSync(pythonSnapshot().path)) });
	let chunks: StreamChunk[] = [];
	// The lines the running example's input() calls read: those its fence gives.
	let given: string[] = [];
	const runPython = preparePython(pyodide, (chunk) => chunks.push(chunk), () => given.shift());
	const parsers = textParsers(Object.keys(types.parsers));
	let sql: Promise<SqlSession> | undefined;
	return {
		pyodide,
		async run(example) {
			if (example.verdict.runtime === 'python') {
				chunks = [];
				given = [...((example.verdict.runnable && example.verdict.input) || [])];
				const ok = await runPython(example.code);
				return { hash: example.hash, failed: !ok, output: { runtime: 'python', chunks: mergeChunks(chunks) } };
			}
			sql ??= sqlSession(() => PGlite.create({ parsers, loadDataDir: new Blob([readFileSync(sqlDatabase().path)]) }));
			const { results, failed } = await (await sql).run(example.code);
			return { hash: example.hash, failed, output: { runtime: 'sql', results } };
		},
		async stdlibModules() {
			return pyodide.runPython('import sys; sorted(sys.stdlib_module_names)').toJs() as string[];
		},
		async close() {
			pyodide.setStdout();
			pyodide.setStderr();
			if (sql) await (await sql).close();
		},
	};
}
