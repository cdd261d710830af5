// The Python runner (runner.ts): Pyodide, bundled whole into this script (its loader and its
// Emscripten module), started from the bytes of pyodide.asm.wasm and python_stdlib.zip. The run
// is python-run.ts's, the same code the tests run in Node.
import { loadPyodide } from 'pyodide';
import createPyodideModule from 'pyodide/pyodide.asm.mjs';
import { info } from 'pyodide/pyodide-lock.json';
import { preparePython, PYODIDE_ENV } from './python-run.ts';
import { OUTPUT_LIMIT } from './rules.ts';
import { serveOneRun } from './runner.ts';
import { RUNNER_BASE } from './sandbox.ts';

serveOneRun(async (cutText) => {
	// No package is ever loaded (the examples use the standard library): an empty lock file.
	// createPyodideModule is a loader option its types leave out: the module bundled here, not fetched.
	const options = { indexURL: RUNNER_BASE, createPyodideModule, lockFileContents: { info, packages: {} }, env: { ...PYODIDE_ENV } };
	const pyodide = await loadPyodide(options as unknown as Parameters<typeof loadPyodide>[0]);
	return async (code, send) => {
		let sent = 0;
		let cut = false;
		const run = preparePython(pyodide, (chunk) => {
			// Past the limit, output is dropped here, so a loop of prints cannot flood the page; an
			// empty write sends nothing. The page checks and cuts what it receives again.
			if (cut) return;
			const text = cutText(chunk.text, OUTPUT_LIMIT - sent + 1);
			if (text.length === 0) return;
			if (sent + text.length > OUTPUT_LIMIT) {
				cut = true;
				send({ type: 'chunk', stream: chunk.stream === 'stderr' ? 'stderr' : 'stdout', text: cutText(text, OUTPUT_LIMIT - sent) });
				send({ type: 'truncated' });
				return;
			}
			sent += text.length;
			send({ type: 'chunk', stream: chunk.stream === 'stderr' ? 'stderr' : 'stdout', text });
		});
		return { failed: !(await run(code)) };
	};
});
