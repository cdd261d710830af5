// The runner's side of the sandbox (sandbox.ts): a classic worker in the opaque-origin frame that
// loads one runtime from the bytes the page handed in, runs one example, and says so on its port.
// Reader code shares this worker's JavaScript realm (Pyodide's `js` module reaches globalThis and
// every prototype), so what must stay trusted is taken before it runs and kept in closures: the
// port, and the functions that post on it. Its globals can then be changed at will; they reach
// nothing: no port, no storage (opaque origin), no network (the frame's policy).
import { RUNNER_BASE } from './sandbox.ts';
import type { FromRunner, ToRunner } from './worker-protocol.ts';

/** Posts a message to the page, as the runner's own code does. */
export type Send = (message: FromRunner) => void;

/** Asks the page for a line for input(), showing the prompt; undefined is the end of input. */
export type AskPage = (prompt: string) => Promise<string | undefined>;

/** Runs the example's code, sending its output; resolves to whether it ended in an error. */
export type RunOnce = (code: string, send: Send, ask: AskPage) => Promise<{ failed: boolean }>;

/**
 * Loads the runtime; `file(name)` gives one of the runtime's files, handed in by the page.
 * `cutText` cuts a text with String's own slice, taken before reader code could replace it.
 */
export type Boot = (cutText: (text: unknown, length: number) => string, file: (name: string) => ArrayBuffer) => Promise<RunOnce>;

declare const self: {
	onmessage: ((event: MessageEvent<null>) => void) | null;
	fetch: typeof fetch;
	addEventListener(type: 'securitypolicyviolation', listener: () => void, options: { once: true }): void;
};

/**
 * Whether the sandbox's policy holds in this worker: a fetch it forbids must be refused by the
 * browser and reported as a violation. A browser that let it through would give reader code the
 * network, so the runner then refuses to start. The address never resolves, whatever happens.
 */
function policyHolds(): Promise<boolean> {
	return new Promise((resolve) => {
		self.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
		// The violation is reported as the fetch fails, or just after.
		const late = () => setTimeout(() => resolve(false), 2000);
		self.fetch(`${RUNNER_BASE}policy-probe`).then(late, late);
	});
}

/** Serves one run: the port on the frame's message, the files on the port, boot, then one `run` message. */
export function serveOneRun(boot: Boot): void {
	// Taken before any reader code exists: later changes to these globals do not reach the port.
	const apply = Reflect.apply;
	const postOnPort = MessagePort.prototype.postMessage;
	const sliceText = String.prototype.slice;
	const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

	self.onmessage = async (event) => {
		self.onmessage = null;
		const port = event.ports[0]!;
		const send: Send = (message) => apply(postOnPort, port, [message]);
		/** A primitive string of at most `length` characters, whatever reader code did to String's prototype. */
		const cutText = (text: unknown, length: number): string => apply(sliceText, text, [0, length]);
		// The files may still be downloading: this script started with the first bytes the page had.
		const handedIn = new Promise<Map<string, ArrayBuffer>>((resolve) => {
			port.onmessage = ({ data }: MessageEvent<ToRunner>) => {
				if (data.type === 'files') resolve(new Map(Object.entries(data.files)));
			};
		});
		if (!(await policyHolds())) {
			send({ type: 'load-error', message: 'this browser does not apply the sandbox’s policy, so examples do not run here' });
			return;
		}
		const files = await handedIn;
		// The runtimes' loaders fetch their files by URL: answered from memory. Any other address is
		// refused here (and by the frame's policy, should this function be replaced).
		self.fetch = async (input) => {
			const url = input instanceof Request ? input.url : String(input);
			const body = files.get(url.slice(url.lastIndexOf('/') + 1));
			if (!body) throw new TypeError(`No network in the example's sandbox: ${url}`);
			return new Response(body, { headers: { 'content-type': url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
		};
		let run: RunOnce;
		try {
			run = await boot(cutText, (name) => {
				const body = files.get(name);
				if (!body) throw new Error(`The runtime's file ${name} was not handed in`);
				return body;
			});
		} catch (error) {
			send({ type: 'load-error', message: errorText(error) });
			return;
		}
		// The runtime holds what it needs; the handed-in bytes (megabytes) can go.
		files.clear();
		let started = false;
		// The one run's code, then the lines its input() calls wait for, one answer to each question.
		let answer: ((line: string | undefined) => void) | undefined;
		const ask: AskPage = (prompt) =>
			new Promise((resolve) => {
				answer = resolve;
				send({ type: 'input', prompt: cutText(prompt, 200) });
			});
		port.onmessage = async ({ data }: MessageEvent<ToRunner>) => {
			if (data.type === 'answer') {
				const resolve = answer;
				answer = undefined;
				resolve?.(typeof data.line === 'string' ? data.line : undefined);
				return;
			}
			if (data.type !== 'run' || started) return;
			started = true;
			let failed: boolean;
			try {
				({ failed } = await run(data.code, send, ask));
			} catch (error) {
				// The runtime itself failed (Python's os._exit, memory): the page discards this runner.
				send({ type: 'chunk', stream: 'stderr', text: `The runtime stopped: ${cutText(errorText(error), 200)}\n` });
				failed = true;
			}
			send({ type: 'done', failed });
		};
		send({ type: 'ready' });
	};
}
