// The SQL runtime's worker: loads PGlite (PostgreSQL in WebAssembly) from the site's own copy on
// the first Run, then runs each example in a fresh copy of the sample database (sql-run.ts, the
// code the tests run in Node).
import type { PGlite } from '@electric-sql/pglite';
import { sqlSession, textParsers, type SqlSession } from './sql-run.ts';
import { countFetches, type FromWorker, type ToWorker } from './worker-protocol.ts';

const post = (message: FromWorker) => postMessage(message);
let session: SqlSession | undefined;

onmessage = async ({ data }: MessageEvent<ToWorker>) => {
	if (data.type === 'load') {
		try {
			countFetches((loaded) => post({ type: 'progress', loaded }));
			const { PGlite: PGliteClass, types } = (await import(/* @vite-ignore */ `${data.url}index.js`)) as typeof import('@electric-sql/pglite');
			const parsers = textParsers(Object.keys(types.parsers));
			session = await sqlSession(() => PGliteClass.create({ parsers }) as Promise<PGlite>);
			post({ type: 'ready' });
		} catch (error) {
			post({ type: 'load-error', message: error instanceof Error ? error.message : String(error) });
		}
		return;
	}
	const { results, failed } = await session!.run(data.code);
	post({ type: 'results', results });
	post({ type: 'done', failed });
};
