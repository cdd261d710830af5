// What Run, Edit, Reset and Stop do under an example. Loaded on the first press of any of them
// (RunnableExamples.astro defines the element and its buttons), so a reader who never presses one
// downloads none of this, nor any runtime byte.
//
// Reader code never runs here: each Run gets a fresh runner in a sandbox frame (sandbox.ts, and
// docs/security.md), which this page starts from the runtime's bytes, talks to over a port of its
// own, times, and removes. So a run starts from a clean interpreter and database whatever the last
// one did, and the next runner starts while the reader reads the output.
import type { Element as HastElement, ElementContent } from 'hast';
// Each runtime's runner and files, and the sandbox's document: worked out by the build (runtimes.ts).
import examples from 'virtual:build/examples';
import { pathWithBase } from '../lib/base.ts';
import { SITE_PATHS } from '../lib/links.ts';
import { readPredictionCards, type PredictionCard } from '../lib/prediction.ts';
import { closeEditor, codeForRun, markFailedLine, openEditor } from './editing.ts';
import { outputBody, sqlResultHtml, streamsHtml } from './output-html.ts';
import { predictionForm } from './prediction-form.ts';
import { PYTHON_VERSION } from './python-run.ts';
import { capSqlResults, mergeChunks, OUTPUT_LIMIT, outputText, sqlResultsFrom, TIME_LIMIT_MS, type Runtime, type SqlResult, type StreamChunk } from './rules.ts';
import { POSTGRES_VERSION } from './sql-run.ts';
import type { FromFrame, FromRunner, StartRunner, ToRunner } from './worker-protocol.ts';
// The editor's and the download bar's look, minified into this bundle (runtimes.ts): only this code
// shows them, so every page's own stylesheet goes without.
import runStyles from './examples-run.css?inline';

const runSheet = new CSSStyleSheet();
runSheet.replaceSync(runStyles);
document.adoptedStyleSheets.push(runSheet);

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

/** Why a runtime could not be had, in the words the status line shows. */
class LoadError extends Error {}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The most pieces of output a run may send: a loop of one-character writes is cut, as a long output is. */
const OUTPUT_CHUNK_LIMIT = 10_000;

/**
 * A runtime's download: started once a page (on a first Run, or on intent), watched by any Run
 * meanwhile, and kept for every runner the page starts. The runner's script comes first, so that
 * a runner starts while the runtime's files (megabytes) are still coming.
 */
interface Download {
	source: Promise<string>;
	files: Promise<Record<string, ArrayBuffer>>;
	loaded: number;
	done: boolean;
	watchers: Set<(loaded: number) => void>;
}
const downloads = new Map<Runtime, Download>();

/**
 * Fetches a runtime's runner and files from the site (the offline worker keeps them as read),
 * telling its watchers the bytes received. A file the site no longer has means a newer deploy; a
 * failed fetch, that the reader is offline with the runtime never kept.
 */
function download(runtime: Runtime): Download {
	const known = downloads.get(runtime);
	if (known) return known;
	const info = examples.runtimes[runtime];
	const state: Download = { source: Promise.resolve(''), files: Promise.resolve({}), loaded: 0, done: false, watchers: new Set() };
	const fetchBytes = async (path: string): Promise<ArrayBuffer> => {
		let response: Response;
		try {
			response = await fetch(new URL(pathWithBase(path), location.href));
		} catch {
			throw new LoadError(
				navigator.onLine
					? `Could not download ${RUNTIME_NAME[runtime]}: the connection failed. Try again.`
					: `${RUNTIME_NAME[runtime]} is not saved for offline use: run an example once while online, and it runs offline after that.`,
			);
		}
		if (response.status === 404) throw new LoadError('This page is out of date — reload to run examples.');
		if (!response.ok || !response.body) throw new LoadError(`Could not download ${RUNTIME_NAME[runtime]} (HTTP ${response.status}).`);
		const chunks: Uint8Array[] = [];
		const reader = response.body.getReader();
		const read = () =>
			reader.read().catch(() => {
				// The connection dropped part-way: said as a failed connection is.
				throw new LoadError(`Could not download ${RUNTIME_NAME[runtime]}: the connection failed. Try again.`);
			});
		for (let part = await read(); !part.done; part = await read()) {
			chunks.push(part.value);
			state.loaded += part.value.byteLength;
			for (const watch of state.watchers) watch(state.loaded);
		}
		return new Blob(chunks as BlobPart[]).arrayBuffer();
	};
	state.source = fetchBytes(info.runner.path).then((bytes) => new TextDecoder().decode(bytes));
	const files = Promise.all(info.files.map((file) => fetchBytes(file.path)));
	// Done when all of it came; the first failure (a newer deploy, the network) is the download's.
	state.files = Promise.all([state.source, files]).then(([, bodies]) => Object.fromEntries(info.files.map((file, index) => [file.name, bodies[index]!])));
	downloads.set(runtime, state);
	state.files.then(
		() => (state.done = true),
		() => downloads.delete(runtime),
	);
	return state;
}

/**
 * The reader shows intent to run (a mouse over Run or Edit, or focus on one): the runtime
 * downloads and its runner starts now, so that the Run to come finds it ready. Never on page load;
 * asked again, it does nothing more.
 */
function prepare(runtime: Runtime): void {
	if (spares.has(runtime) || running) return;
	download(runtime);
	prepareSpare(runtime);
}

/** One runner: a sandbox frame and the port its worker answers on. It serves one run. */
interface Runner {
	frame: HTMLIFrameElement;
	/** Its two ports' page ends, closed when it is discarded. */
	ports: MessagePort[];
	ready: Promise<void>;
	isReady: boolean;
	send(message: ToRunner): void;
	/** Where the runner's messages (and the frame's report of a crash) go: unchecked, as they arrive. */
	listener?: ((message: unknown) => void) | undefined;
}

/**
 * Starts a runner in a new sandbox frame as soon as its script is here, and hands it a copy of the
 * runtime's files when they are. A failed download fails it with the download's own words.
 */
function startRunner(runtime: Runtime, loading: Download): Runner {
	const frame = document.createElement('iframe');
	frame.setAttribute('sandbox', 'allow-scripts');
	frame.srcdoc = examples.sandbox;
	frame.hidden = true;
	frame.title = `${RUNTIME_NAME[runtime]} runner`;
	const control = new MessageChannel();
	const channel = new MessageChannel();
	const runner: Runner = { frame, ports: [control.port1, channel.port1], ready: Promise.resolve(), isReady: false, send: (message) => channel.port1.postMessage(message) };
	let refuse: (error: unknown) => void = () => {};
	runner.ready = new Promise((resolve, reject) => {
		refuse = reject;
		const fail = (message: string) => reject(new LoadError(`Could not start ${RUNTIME_NAME[runtime]}: ${message}`));
		// Before the runner is ready no reader code has run in it; its words are still cut to a line.
		runner.listener = (message) => {
			const { type, message: text } = (message ?? {}) as { type?: unknown; message?: unknown };
			if (type === 'ready') {
				runner.isReady = true;
				// Seen from outside (the browser tests wait for it), as the reader sees a Run start at once.
				frame.dataset.ready = '';
				runner.listener = undefined;
				resolve();
			} else if (type === 'load-error') fail(String(text).slice(0, 300));
			else if (type === 'crashed') fail('its runner did not start');
		};
	});
	runner.ready.catch(() => {
		// A spare that cannot start is not kept: the next Run tries afresh.
		if (spares.get(runtime) === runner) spares.delete(runtime);
		discard(runner);
	});
	control.port1.onmessage = (event: MessageEvent<FromFrame>) => runner.listener?.(event.data);
	channel.port1.onmessage = (event: MessageEvent<FromRunner>) => runner.listener?.(event.data);
	channel.port1.onmessageerror = () => runner.listener?.({ type: 'crashed' });
	const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
	Promise.all([loading.source, loaded]).then(
		([source]) => {
			const start: StartRunner = { source, name: `${runtime} runner` };
			frame.contentWindow?.postMessage(start, '*', [control.port2, channel.port2]);
		},
		() => {},
	);
	// Copied, not moved: the page keeps them for the next runner. A discarded one (its frame gone)
	// gets none.
	loading.files.then(
		(files) => frame.isConnected && runner.send({ type: 'files', files }),
		(error: unknown) => refuse(error),
	);
	document.body.append(frame);
	return runner;
}

/** Ends a runner, whatever its worker is doing: a removed frame's workers stop. */
function discard(runner: Runner | undefined): void {
	if (!runner) return;
	runner.listener = undefined;
	for (const port of runner.ports) port.close();
	runner.frame.remove();
}

/** The next run's runner for each runtime, started after the last run ended. */
const spares = new Map<Runtime, Runner>();

function prepareSpare(runtime: Runtime): void {
	const loading = downloads.get(runtime);
	if (spares.has(runtime) || !loading) return;
	spares.set(runtime, startRunner(runtime, loading));
}

/** One example's parts, found in the markup the build wrote and the element added. */
function parts(example: HTMLElement) {
	const q = <T extends Element>(selector: string) => example.querySelector<T>(selector)!;
	return {
		runtime: example.dataset.runtime as Runtime,
		code: q<HTMLElement>('pre.astro-code'),
		body: q<HTMLElement>('.example-output-body'),
		/** The output's <details>, on an example with a "what does this print?" card (closed until it is seen). */
		disclosure: example.querySelector<HTMLDetailsElement>('details.example-output'),
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
	if (action === 'prepare') prepare(p.runtime);
	else if (action === 'run') void run(example);
	else if (action === 'predict') void predict(example);
	else if (action === 'stop') running?.example === example && running.stop('Stopped.');
	else if (action === 'edit') edit(example);
	else if (action === 'reset') reset(example);
}

function edit(example: HTMLElement): void {
	const p = parts(example);
	void openEditor(example, { runtime: p.runtime, block: p.code, code: p.code.textContent ?? '', status: p.status, button: p.button });
}

/** Back to the example as written: its code and its recorded output. Every Run has its own runner, so no earlier run's state remains. */
function reset(example: HTMLElement): void {
	const p = parts(example);
	if (running?.example === example) running.stop('Stopped.');
	closeEditor(example, { block: p.code, button: p.button });
	p.body.replaceChildren(...recorded.get(example)!.map((node) => node.cloneNode(true)));
	p.status.textContent = '';
	p.button('edit').hidden = false;
	p.button('reset').hidden = true;
	// A prediction made of the example as it was is done with: Predict asks again.
	example.querySelector('form.predict')?.remove();
	if (example.dataset['predict']) p.button('predict').hidden = false;
	p.button('edit').focus();
}

let cards: Promise<PredictionCard[]> | undefined;
/** The guide's cards, fetched once a page; a failed fetch is tried again on the next press. */
function predictionCards(): Promise<PredictionCard[]> {
	cards ??= fetch(pathWithBase(SITE_PATHS.studyPredictions))
		.then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
		.then((value: unknown) => readPredictionCards(value) ?? Promise.reject(new Error('not a list of cards')));
	cards.catch(() => (cards = undefined));
	return cards;
}

/**
 * "Predict, then run": the card's form above the closed output; on Run and check the example runs
 * and the prediction is set against what it printed (the recorded output when it cannot run).
 */
async function predict(example: HTMLElement): Promise<void> {
	const p = parts(example);
	const id = example.dataset['predict'];
	if (example.querySelector('form.predict')) return;
	p.button('predict').hidden = true;
	let card: PredictionCard | undefined;
	try {
		card = (await predictionCards()).find((known) => known.id === id);
	} catch {
		// Gone (a newer deploy) or offline: the output stays where it is, behind its label.
	}
	// A card made of other code (the site was deployed again since this page was loaded) is not
	// this example's.
	if (!card || card.code !== originals.get(example)) {
		p.status.textContent = card || navigator.onLine ? 'This page is out of date — reload it to predict.' : 'Offline: the card could not be loaded.';
		p.button('predict').hidden = false;
		return;
	}
	const { answer, code } = card;
	// The card's program, whatever the editor holds: its prediction is of the code shown with it.
	const { form, first, check } = predictionForm(card, { submitLabel: 'Run and check', onSubmit: () => run(example, (printed) => check(printed ?? answer), code) });
	p.button('run').closest('.example-controls')!.after(form);
	first.focus();
}

/** The first element of a tag in a hast tree. */
function findElement(node: HastElement, tagName: string): HastElement | undefined {
	if (node.tagName === tagName) return node;
	for (const child of node.children) {
		const found = child.type === 'element' ? findElement(child, tagName) : undefined;
		if (found) return found;
	}
	return undefined;
}

/** How many table cells are drawn before the page gets a turn. */
const CELLS_AT_A_TIME = 500;

/** Lets the page draw and answer input between two pieces of a large output. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the example in a fresh runner, its output replacing the one shown: the code in its editor if
 * open, else as written, or `asWritten` (a prediction is of the code the card shows). `onEnd` hears
 * what it printed (stdout, or the tables as text) once it finishes, or undefined if it did not.
 */
async function run(example: HTMLElement, onEnd?: (printed: string | undefined) => void, asWritten?: string): Promise<void> {
	const p = parts(example);
	const runtime = p.runtime;
	if (p.disclosure) p.disclosure.open = true;
	if (running) running.stop('Stopped: another example started.');
	const code = asWritten ?? codeForRun(example) ?? originals.get(example)!;
	p.button('run').disabled = true;
	p.button('stop').hidden = false;
	p.button('reset').hidden = false;
	// The output keeps its height until the run ends: the recorded output is replaced piece by piece.
	p.body.style.minBlockSize = `${p.body.getBoundingClientRect().height}px`;

	let runner = spares.get(runtime);
	spares.delete(runtime);
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let asking: HTMLFormElement | undefined;
	const finish = (message: string, printed?: string) => {
		clearTimeout(timer);
		asking?.remove();
		asking = undefined;
		if (running?.example === example) running = undefined;
		discard(runner);
		runner = undefined;
		p.status.replaceChildren(message);
		p.body.style.minBlockSize = '';
		p.button('run').disabled = false;
		p.button('stop').hidden = true;
		if (document.activeElement === null || document.activeElement === document.body) p.button('run').focus();
		prepareSpare(runtime);
		const ended = onEnd;
		onEnd = undefined;
		ended?.(printed);
	};
	running = {
		example,
		stop(message) {
			stopped = true;
			const focusStop = document.activeElement === p.button('stop');
			finish(message);
			if (focusStop) p.button('run').focus();
		},
	};

	try {
		const loading = download(runtime);
		// The runner (started on intent, or now) starts while the files come: never two at once.
		runner ??= startRunner(runtime, loading);
		if (!loading.done) {
			const total = examples.runtimes[runtime].bytes;
			const progress = document.createElement('progress');
			progress.max = total;
			progress.value = 0;
			progress.setAttribute('aria-label', `Downloading ${RUNTIME_NAME[runtime]}`);
			const received = document.createElement('span');
			received.textContent = `0.0 of ${megabytes(total)} MB`;
			// The bar first: on a narrow screen the line is cut at its end, never the bar.
			const watch = (loaded: number) => {
				progress.value = Math.min(loaded, total);
				received.textContent = `${megabytes(Math.min(loaded, total))} of ${megabytes(total)} MB`;
			};
			// Begun on intent, maybe: the count goes on from where it is.
			watch(loading.loaded);
			loading.watchers.add(watch);
			p.status.replaceChildren(progress, ` Downloading ${RUNTIME_NAME[runtime]} — `, received);
			await loading.files.finally(() => loading.watchers.delete(watch));
			if (stopped) return;
		}
		if (!runner.isReady) {
			// Compiling the WebAssembly and starting the interpreter: no byte count to show.
			const starting = document.createElement('progress');
			starting.setAttribute('aria-label', `Starting ${RUNTIME_NAME[runtime]}`);
			p.status.replaceChildren(starting, ` Starting ${RUNTIME_NAME[runtime]}…`);
		}
		await runner.ready;
	} catch (error) {
		if (!stopped) finish(error instanceof LoadError ? error.message : `Could not load ${RUNTIME_NAME[runtime]}: ${(error as Error).message}`);
		return;
	}
	if (stopped) return;

	p.status.textContent = 'Running…';
	const started = performance.now();
	// The recorded output stays until the run's own output arrives, so the page does not jump.
	let cleared = false;
	const show = (...nodes: Node[]) => {
		if (!cleared) p.body.replaceChildren();
		cleared = true;
		p.body.append(...nodes);
	};
	// Python's output, gathered and drawn at most once a frame's time, within the page's own caps.
	let shown = 0;
	let chunks = 0;
	let cutNoted = false;
	let stream: HTMLElement | undefined;
	let pending: StreamChunk[] = [];
	let flushing: ReturnType<typeof setTimeout> | undefined;
	const note = (text: string) => show(toDom({ type: 'element', tagName: 'p', properties: { className: ['example-count'] }, children: [{ type: 'text', value: text }] }));
	const flush = () => {
		clearTimeout(flushing);
		flushing = undefined;
		if (stopped || pending.length === 0) return;
		const html = streamsHtml(mergeChunks(pending));
		pending = [];
		if (!stream) return show((stream = toDom(html) as HTMLElement));
		// stderr written across two frames (a traceback's first line, then the rest) stays one span.
		const [head, ...rest] = html.children.map(toDom);
		const tail = stream.lastChild;
		const isStderr = (node: Node | null | undefined): node is HTMLElement => node instanceof HTMLElement && node.className === 'example-stderr';
		if (isStderr(tail) && isStderr(head)) tail.append(...head.childNodes);
		else if (head) stream.append(head);
		stream.append(...rest);
	};
	const noteCut = () => {
		if (cutNoted) return;
		cutNoted = true;
		flush();
		note(`(output cut after ${OUTPUT_LIMIT / 1024} KB)`);
	};
	// What it printed, for a prediction: stdout, or the tables as text.
	let printed = '';
	const append = (stream: StreamChunk['stream'], text: string) => {
		if (stream === 'stdout' && !cutNoted) printed += text;
		if (text === '' || cutNoted) return;
		if (shown >= OUTPUT_LIMIT || ++chunks > OUTPUT_CHUNK_LIMIT) return noteCut();
		const kept = text.slice(0, OUTPUT_LIMIT - shown);
		shown += kept.length;
		pending.push({ stream, text: kept });
		flushing ??= setTimeout(flush, 16);
	};
	// SQL results, cut again here and drawn a few hundred cells at a time, the page answering between
	// them: a small output is drawn at once, a large one never holds the page.
	let drawing = Promise.resolve();
	let drawn = false;
	const draw = (results: SqlResult[]) =>
		(drawing = drawing.then(async () => {
			let cells = 0;
			const giveTurn = async () => {
				if (cells < CELLS_AT_A_TIME) return;
				cells = 0;
				await yieldToPage();
			};
			for (const [index, result] of results.entries()) {
				await giveTurn();
				if (stopped) return;
				const html = sqlResultHtml(result, index);
				const tbody = findElement(html, 'tbody');
				const rows = tbody?.children ?? [];
				if (tbody) tbody.children = [];
				const element = toDom(html) as HTMLElement;
				show(element);
				const body = element.querySelector('tbody');
				const width = Math.max(1, result.kind === 'rows' ? result.columns.length : 1);
				cells += width;
				const batch = Math.max(1, Math.floor(CELLS_AT_A_TIME / width));
				for (let start = 0; body && start < rows.length; start += batch) {
					await giveTurn();
					if (stopped) return;
					const part = rows.slice(start, start + batch);
					body.append(...part.map(toDom));
					cells += part.length * width;
				}
			}
		}));
	const broken = () => {
		flush();
		finish('The example stopped its runtime. Run it again to start a fresh one.');
	};

	// The time limit counts the example's own time: it stops while input() waits for the reader.
	let timeLeft = TIME_LIMIT_MS;
	let clockStarted = 0;
	const startClock = () => {
		clockStarted = performance.now();
		timer = setTimeout(() => running?.example === example && running.stop(`Stopped after ${TIME_LIMIT_MS / 1000} s: the example was still running (an endless loop?).`), timeLeft);
	};
	const stopClock = () => {
		clearTimeout(timer);
		timeLeft -= performance.now() - clockStarted;
	};
	// input(): a line asked for under the output; Enter sends it, Escape ends the input (EOFError).
	const askReader = (prompt: string) => {
		flush();
		stopClock();
		const form = document.createElement('form');
		form.className = 'example-controls example-input';
		const field = document.createElement('input');
		field.type = 'text';
		field.autocomplete = 'off';
		field.spellcheck = false;
		field.enterKeyHint = 'send';
		field.setAttribute('aria-label', prompt.trim() ? `Input for the example: ${prompt.trim()}` : 'Input for the example');
		const hint = document.createElement('span');
		hint.textContent = 'Enter sends the line · Esc ends the input';
		form.append(field, hint);
		const reply = (line: string | null) => {
			if (asking !== form) return;
			const focused = form.contains(document.activeElement);
			form.remove();
			asking = undefined;
			p.status.textContent = 'Running…';
			if (focused) p.button('stop').focus();
			runner?.send({ type: 'answer', line });
			startClock();
		};
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			reply(field.value);
		});
		field.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') {
				event.preventDefault();
				reply(null);
			}
		});
		asking = form;
		p.body.after(form);
		p.status.textContent = 'Waiting for your input…';
		field.focus();
	};
	startClock();
	// Reader code shares the runner's realm: what arrives is checked here, and what is not a message
	// of the protocol's shape ends the run.
	runner.listener = (message: unknown) => {
		if (stopped || typeof message !== 'object' || message === null) return;
		const m = message as Record<string, unknown>;
		if (m['type'] === 'chunk') {
			if (typeof m['text'] !== 'string' || (m['stream'] !== 'stdout' && m['stream'] !== 'stderr')) return broken();
			append(m['stream'], m['text']);
		} else if (m['type'] === 'truncated') noteCut();
		else if (m['type'] === 'input') {
			if (typeof m['prompt'] !== 'string' || asking) return broken();
			askReader(m['prompt'].slice(0, 200));
		}
		else if (m['type'] === 'results') {
			const results = sqlResultsFrom(m['results']);
			if (!results || drawn) return broken();
			drawn = true;
			printed = outputText({ runtime: 'sql', results });
			void draw(capSqlResults(results));
		} else if (m['type'] === 'crashed') broken();
		else if (m['type'] === 'done') {
			flush();
			void drawing.then(() => {
				if (stopped) return;
				if (!cleared) show(...outputBody(runtime === 'python' ? { runtime: 'python', chunks: [] } : { runtime: 'sql', results: [] }).map(toDom));
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				finish(m['failed'] === true ? `Ended with an error after ${seconds} s.` : `Finished in ${seconds} s.`, printed);
				if (m['failed'] === true) markFailedLine(example, p.body, p.status);
			});
		}
	};
	runner.send({ type: 'run', code });
}
