// What Run, Edit, Reset and Stop do under an example. Loaded on the first press of any of them
// (RunnableExamples.astro defines the element and its buttons), so a reader who never presses one
// downloads none of this, nor any runtime byte.
import type { Element as HastElement, ElementContent } from 'hast';
import { pathWithBase } from '../lib/base.ts';
import { outputBody, sqlResultHtml, streamsHtml } from './output-html.ts';
import { PYTHON_VERSION } from './python-run.ts';
import { OUTPUT_LIMIT, TIME_LIMIT_MS, type Runtime, type StreamChunk } from './rules.ts';
import { POSTGRES_VERSION } from './sql-run.ts';
import type { FromWorker } from './worker-protocol.ts';

// Set by the build (src/examples/runtimes.ts): each runtime's folder and the bytes a first Run
// loads, and the URLs of the workers (bundled beside this file).
declare const __SG_RUNTIMES__: Record<Runtime, { path: string; bytes: number; fetched: number }>;
declare const __SG_WORKERS__: Record<Runtime, string>;

const RUNTIME_NAME: Record<Runtime, string> = { python: `Python ${PYTHON_VERSION}`, sql: `PostgreSQL ${POSTGRES_VERSION}` };

/** hast (the shape the build renders recorded outputs in) to DOM, so a run looks like its record. */
function toDom(node: HastElement | ElementContent): Node {
	if (node.type === 'text') return document.createTextNode(node.value);
	if (node.type !== 'element') return document.createTextNode('');
	const element = document.createElement(node.tagName);
	for (const [name, value] of Object.entries(node.properties ?? {})) {
		if (name === 'className') element.className = (value as string[]).join(' ');
		else if (name === 'tabIndex') element.tabIndex = Number(value);
		else if (name === 'ariaLabel') element.setAttribute('aria-label', String(value));
		else element.setAttribute(name, String(value));
	}
	for (const child of node.children) element.append(toDom(child));
	return element;
}

interface Session {
	worker: Worker;
	ready: Promise<void>;
	listener?: (message: FromWorker) => void;
}
const sessions = new Map<Runtime, Session>();

function startWorker(runtime: Runtime, onProgress: (loaded: number) => void): Session {
	const worker = new Worker(__SG_WORKERS__[runtime], { type: 'module', name: runtime });
	const session: Session = { worker, ready: Promise.resolve() };
	session.ready = new Promise((resolve, reject) => {
		session.listener = (message) => {
			if (message.type === 'progress') onProgress(message.loaded);
			else if (message.type === 'ready') resolve();
			else if (message.type === 'load-error') reject(new Error(message.message));
		};
	});
	worker.addEventListener('message', (event: MessageEvent<FromWorker>) => session.listener?.(event.data));
	worker.addEventListener('error', (event) => session.listener?.({ type: 'load-error', message: event.message || 'the runtime failed to start' }));
	const url = new URL(pathWithBase(__SG_RUNTIMES__[runtime].path), location.href).href;
	worker.postMessage({ type: 'load', url });
	return session;
}

/** One example's parts, found in the markup the build wrote and the element added. */
function parts(example: HTMLElement) {
	const q = <T extends Element>(selector: string) => example.querySelector<T>(selector)!;
	return {
		runtime: example.dataset.runtime as Runtime,
		code: q<HTMLElement>('pre.astro-code'),
		body: q<HTMLElement>('.example-output-body'),
		status: q<HTMLElement>('.example-status'),
		button: (action: string) => q<HTMLButtonElement>(`button[data-action="${action}"]`),
	};
}

const recorded = new WeakMap<HTMLElement, Node[]>();
const originals = new WeakMap<HTMLElement, string>();
let running: { example: HTMLElement; stop: (message: string) => void } | undefined;

/** Carries out one of an example's buttons. */
export function act(example: HTMLElement, action: string): void {
	const p = parts(example);
	if (!recorded.has(example)) recorded.set(example, [...p.body.childNodes].map((node) => node.cloneNode(true)));
	if (!originals.has(example)) originals.set(example, p.code.textContent ?? '');
	if (action === 'run') void run(example);
	else if (action === 'stop') running?.example === example && running.stop('Stopped.');
	else if (action === 'edit') edit(example);
	else if (action === 'reset') reset(example);
}

function edit(example: HTMLElement): void {
	const p = parts(example);
	if (example.querySelector('textarea')) return;
	const textarea = document.createElement('textarea');
	textarea.className = 'example-editor';
	textarea.value = p.code.textContent ?? '';
	textarea.rows = Math.min(30, textarea.value.split('\n').length + 1);
	textarea.spellcheck = false;
	textarea.setAttribute('aria-label', `Code of the example (${p.runtime === 'python' ? 'Python' : 'SQL'}), editable`);
	const block = p.code.closest('.code-block') ?? p.code;
	(block as HTMLElement).hidden = true;
	block.after(textarea);
	p.button('edit').hidden = true;
	p.button('reset').hidden = false;
	textarea.focus();
}

function reset(example: HTMLElement): void {
	const p = parts(example);
	if (running?.example === example) running.stop('Stopped.');
	example.querySelector('textarea')?.remove();
	const block = p.code.closest('.code-block') ?? p.code;
	(block as HTMLElement).hidden = false;
	p.body.replaceChildren(...recorded.get(example)!.map((node) => node.cloneNode(true)));
	p.status.textContent = '';
	p.button('edit').hidden = false;
	p.button('reset').hidden = true;
	p.button('edit').focus();
}

async function run(example: HTMLElement): Promise<void> {
	const p = parts(example);
	if (running) running.stop('Stopped: another example started.');
	const code = example.querySelector('textarea')?.value ?? originals.get(example)!;
	const info = __SG_RUNTIMES__[p.runtime];
	p.button('run').disabled = true;
	p.button('stop').hidden = false;
	p.button('reset').hidden = false;
	p.body.replaceChildren();

	let session = sessions.get(p.runtime);
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const finish = (message: string) => {
		clearTimeout(timer);
		running = undefined;
		p.status.replaceChildren(message);
		p.button('run').disabled = false;
		p.button('stop').hidden = true;
		if (document.activeElement === null || document.activeElement === document.body) p.button('run').focus();
	};
	running = {
		example,
		stop(message) {
			stopped = true;
			// Ending the worker is the only way to stop Python in the middle of a loop; the next Run loads it again (from the cache).
			sessions.get(p.runtime)?.worker.terminate();
			sessions.delete(p.runtime);
			const focusStop = document.activeElement === p.button('stop');
			finish(message);
			if (focusStop) p.button('run').focus();
		},
	};

	if (!session) {
		const progress = document.createElement('progress');
		progress.max = info.fetched;
		progress.value = 0;
		const megabytes = (info.bytes / 1e6).toFixed(1);
		p.status.replaceChildren(`Loading ${RUNTIME_NAME[p.runtime]} — ${megabytes} MB `, progress);
		progress.setAttribute('aria-label', `Loading ${RUNTIME_NAME[p.runtime]}`);
		session = startWorker(p.runtime, (loaded) => (progress.value = Math.min(loaded, info.fetched)));
		sessions.set(p.runtime, session);
	}
	try {
		await session.ready;
	} catch (error) {
		sessions.delete(p.runtime);
		session.worker.terminate();
		if (!stopped) finish(`Could not load ${RUNTIME_NAME[p.runtime]}: ${(error as Error).message}`);
		return;
	}
	if (stopped) return;

	p.status.textContent = 'Running…';
	const started = performance.now();
	let shown = 0;
	let stream: HTMLElement | undefined;
	const append = (chunk: StreamChunk) => {
		if (shown > OUTPUT_LIMIT) return;
		shown += chunk.text.length;
		if (!stream) {
			stream = toDom(streamsHtml([chunk])) as HTMLElement;
			p.body.replaceChildren(stream);
			return;
		}
		stream.append(toDom(streamsHtml([chunk]).children[0]!));
	};
	timer = setTimeout(() => running?.stop(`Stopped after ${TIME_LIMIT_MS / 1000} s: the example was still running (an endless loop?).`), TIME_LIMIT_MS);
	session.listener = (message) => {
		if (stopped) return;
		if (message.type === 'chunk') append(message);
		else if (message.type === 'truncated') p.body.append(toDom({ type: 'element', tagName: 'p', properties: { className: ['example-count'] }, children: [{ type: 'text', value: `(output cut after ${OUTPUT_LIMIT / 1024} KB)` }] }));
		else if (message.type === 'results') p.body.replaceChildren(...message.results.map((result, index) => toDom(sqlResultHtml(result, index))));
		else if (message.type === 'done') {
			if (!p.body.hasChildNodes()) p.body.replaceChildren(...outputBody(p.runtime === 'python' ? { runtime: 'python', chunks: [] } : { runtime: 'sql', results: [] }).map(toDom));
			const seconds = ((performance.now() - started) / 1000).toFixed(2);
			finish(message.failed ? `Ended with an error after ${seconds} s.` : `Finished in ${seconds} s.`);
		}
	};
	session.worker.postMessage({ type: 'run', code });
}
