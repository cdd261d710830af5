// The Python runner (runner.ts): Pyodide, bundled whole into this script (its loader and its
// Emscripten module), restored from the bytes of pyodide.asm.wasm, python_stdlib.zip and the
// build's snapshot of a started Python. The run is python-run.ts's, the same code the tests run in Node.
import { loadPyodide } from 'pyodide';
import createPyodideModule from 'pyodide/pyodide.asm.mjs';
import { info } from 'pyodide/pyodide-lock.json';
import { preparePython, PYODIDE_ENV, PYTHON_SNAPSHOT } from './python-run.ts';
import { OUTPUT_LIMIT } from './rules.ts';
import { serveOneRun } from './runner.ts';
import { RUNNER_BASE } from './sandbox.ts';

/**
 * The snapshot's memory, gunzipped by the browser's own stream; as it came when a host already
 * undid the gzip (some serve `.gz` files with Content-Encoding: gzip). Memory starts with zeros.
 */
async function gunzip(bytes: ArrayBuffer): Promise<ArrayBuffer> {
	const [first, second] = new Uint8Array(bytes, 0, 2);
	if (first !== 0x1f || second !== 0x8b) return bytes;
	return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

serveOneRun(async (cutText, file) => {
	// No package is ever loaded (the examples use the standard library): an empty lock file.
	// createPyodideModule is a loader option its types leave out: the module bundled here, not fetched.
	const options = {
		indexURL: RUNNER_BASE,
		createPyodideModule,
		lockFileContents: { info, packages: {} },
		env: { ...PYODIDE_ENV },
		_loadSnapshot: gunzip(file(PYTHON_SNAPSHOT)),
	};
	const pyodide = await loadPyodide(options as unknown as Parameters<typeof loadPyodide>[0]);
	return async (code, send, ask) => {
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
		}, ask);
		return { failed: !(await run(code)) };
	};
});
