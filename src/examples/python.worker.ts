// The Python runtime's worker: loads Pyodide from the site's own copy on the first Run, then runs
// examples with the same code the tests run in Node (python-run.ts). An endless loop blocks only
// this worker; the page ends it with terminate().
import type { PyodideAPI } from 'pyodide';
import { preparePython, PYODIDE_ENV } from './python-run.ts';
import { OUTPUT_LIMIT } from './rules.ts';
import { countFetches, type FromWorker, type ToWorker } from './worker-protocol.ts';

const post = (message: FromWorker) => postMessage(message);
let run: ((source: string) => Promise<boolean>) | undefined;
let sent = 0;

onmessage = async ({ data }: MessageEvent<ToWorker>) => {
	if (data.type === 'load') {
		try {
			countFetches((loaded) => post({ type: 'progress', loaded }));
			const { loadPyodide } = (await import(/* @vite-ignore */ `${data.url}pyodide.mjs`)) as { loadPyodide: (options: object) => Promise<PyodideAPI> };
			const pyodide = await loadPyodide({ indexURL: data.url, env: { ...PYODIDE_ENV } });
			run = preparePython(pyodide, (chunk) => {
				// Past the limit, output is dropped here, so a loop of prints cannot flood the page.
				if (sent > OUTPUT_LIMIT) return;
				sent += chunk.text.length;
				post(sent > OUTPUT_LIMIT ? { type: 'truncated' } : { type: 'chunk', ...chunk });
			});
			post({ type: 'ready' });
		} catch (error) {
			post({ type: 'load-error', message: error instanceof Error ? error.message : String(error) });
		}
		return;
	}
	sent = 0;
	const ok = await run!(data.code);
	post({ type: 'done', failed: !ok });
};
