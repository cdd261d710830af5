// Messages between the page's controls (controls.ts) and the runtime workers.
import type { SqlResult, StreamChunk } from './rules.ts';

export type ToWorker = { type: 'load'; url: string } | { type: 'run'; code: string };

export type FromWorker =
	| { type: 'progress'; loaded: number }
	| { type: 'ready' }
	| { type: 'load-error'; message: string }
	| ({ type: 'chunk' } & StreamChunk)
	| { type: 'truncated' }
	| { type: 'results'; results: SqlResult[] }
	| { type: 'done'; failed: boolean };

/** Counts the bytes of every fetch the runtime makes while it loads, for the progress bar. */
export function countFetches(report: (loaded: number) => void): void {
	const original = globalThis.fetch.bind(globalThis);
	let loaded = 0;
	globalThis.fetch = async (input, init) => {
		const response = await original(input, init);
		if (!response.body) return response;
		const counter = new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				loaded += chunk.byteLength;
				report(loaded);
				controller.enqueue(chunk);
			},
		});
		// Same status and headers (WebAssembly.instantiateStreaming needs the wasm type).
		return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
	};
}
