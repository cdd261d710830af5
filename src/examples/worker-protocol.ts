// Messages between the page's controls (controls.ts), the sandbox frame (sandbox.ts) and a runner
// (runner.ts). A runner serves one run: the page starts a fresh one for every Run.
import type { SqlResult, StreamChunk } from './rules.ts';

/** The page's message to the frame, with two ports: the frame's (reports) and the runner's. */
export interface StartRunner {
	/** The runner's script (runtimes.ts bundles it with the runtime's JavaScript). */
	source: string;
	/** The worker's name, for the browser's tools. */
	name: string;
}

/** From the frame, on its own port: the runner failed to start, or threw outside its run. */
export type FromFrame = { type: 'crashed' };

/**
 * From the page to the runner, on the runner's port: the runtime's files by name (which the runner's
 * fetch() answers from; they may come after the runner's script, which then starts while they
 * download), the code, then a line for each input() (null: end of input).
 */
export type ToRunner = { type: 'files'; files: Record<string, ArrayBuffer> } | { type: 'run'; code: string } | { type: 'answer'; line: string | null };

/** From the runner to the page, on the runner's port: reader code cannot reach that port. */
export type FromRunner =
	| { type: 'ready' }
	| { type: 'load-error'; message: string }
	| ({ type: 'chunk' } & StreamChunk)
	| { type: 'truncated' }
	| { type: 'input'; prompt: string }
	| { type: 'results'; results: SqlResult[] }
	| { type: 'done'; failed: boolean };
