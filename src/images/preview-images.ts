// The build's preview images (link cards, icons, favicon), drawn once and kept between builds. Each
// image is a file in the cache folder named by a hash of everything that decides its bytes: the
// element tree (the card's text, layout and colours), its size, the font files, the Satori, resvg and
// zlib versions, and the drawing code itself. A build with no change draws nothing; an edited question
// draws its own card. Images to draw are drawn in worker threads, one per core.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { filesKey, moduleClosure } from '../data/module-closure.ts';
import type { CardNode } from './social-card.ts';
import { renderSvg, rendererFingerprint, type ImageNode } from './render.ts';
import { processSlots, type DrawnImages, type PreviewImagesOptions } from '../data/process-slots.ts';
import type { DrawTask } from './worker.ts';

/** An image to draw: what it shows, its size, and the file its text comes from (named in errors). */
export interface ImageRequest {
	node: ImageNode;
	size: { width: number; height: number };
	source: string;
}

/** The most images a drawing thread is given at once: about a quarter of a second of drawing. */
const BATCH = 32;

/** How long the drawing threads wait for more images before they end. */
const IDLE_THREADS_MS = 1000;

export class PreviewImages implements DrawnImages {
	readonly #cacheDir: string;
	readonly #worker: string;
	readonly #threads: number;
	#fingerprint: string | undefined;
	#pool: Piscina<DrawTask[], (string | null)[]> | undefined;
	/** Images drawn or waiting to be, by cache file. */
	readonly #drawing = new Map<string, Drawing>();
	/** Images prepare() asked for that no thread has started: they go a batch per free thread, so that an image a page needs now never waits behind them all. */
	readonly #waiting: Drawing[] = [];
	/** Batches of prepare()'s images being drawn: one per thread at most. */
	#batchesRunning = 0;
	/** Ends the threads once they have had nothing to draw for a while. */
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** Images the threads have drawn, and how many of them drawAhead() asked for. */
	readonly #drawn = { all: 0, ahead: 0 };
	/** Files drawAhead() started drawing, and those of them no prepare() or png() has asked for since. */
	readonly #ahead = new Set<string>();
	readonly #unclaimed = new Set<string>();

	constructor({ cacheDir, worker, threads = availableParallelism() }: PreviewImagesOptions) {
		this.#cacheDir = cacheDir;
		this.#worker = worker;
		this.#threads = threads;
	}

	/** The cache key of an image of a kind ('png' or 'svg'): a hash of all that decides its bytes. */
	key(kind: 'png' | 'svg', { node, size }: ImageRequest): string {
		this.#fingerprint ??= createHash('sha256')
			.update(rendererFingerprint())
			// The modules a drawing thread runs: a change to any of them is a change to every image.
			.update(filesKey(dirname(this.#worker), moduleClosure(dirname(this.#worker), [this.#worker])))
			.digest('hex');
		return createHash('sha256').update(this.#fingerprint).update(JSON.stringify([kind, size, node])).digest('hex').slice(0, 32);
	}

	/**
	 * Deletes the images of `folder` in the cache that none of `requests` needs any more, and for PNGs
	 * queues every one the cache lacks, to be drawn a batch per thread at a time. Call it with all of a
	 * route's images (from getStaticPaths, which Astro calls for every route before it renders the
	 * first page), then take each with png() or svg(). Returns each request's cache key, in order.
	 */
	prepare(folder: string, requests: ImageRequest[], kind: 'png' | 'svg' = 'png'): string[] {
		const dir = join(this.#cacheDir, folder);
		mkdirSync(dir, { recursive: true });
		const keys = requests.map((request) => this.key(kind, request));
		const wanted = new Map(requests.map((request, i) => [`${keys[i]}.${kind}`, request]));
		for (const name of readdirSync(dir)) {
			// `.partial` files are images being written (worker.ts), perhaps by another build.
			if (!wanted.has(name) && !name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
		}
		if (kind === 'svg') return keys;
		for (const name of wanted.keys()) this.#unclaimed.delete(join(dir, name));
		for (const [name, request] of wanted) {
			// A failure is reported by png(), when the page that needs the image asks for it.
			this.#ensure(join(dir, name), request, 'background').catch(() => {});
		}
		return keys;
	}

	/**
	 * Starts drawing, in the background, each PNG of `requests` the cache lacks, and deletes nothing:
	 * a head start for images a route will ask for with prepare() (src/images/cards-ahead.ts).
	 */
	drawAhead(folder: string, requests: ImageRequest[]) {
		const dir = join(this.#cacheDir, folder);
		mkdirSync(dir, { recursive: true });
		for (const request of requests) {
			const file = join(dir, `${this.key('png', request)}.png`);
			if (this.#drawing.has(file) || existsSync(file)) continue;
			this.#ahead.add(file);
			this.#unclaimed.add(file);
			// A failure is reported when a route asks for the image: it is drawn again then.
			this.#ensure(file, request, 'background').catch(() => {});
		}
	}

	/**
	 * Resolves once no image is being drawn or waiting to be (those that failed included), with how many
	 * the threads drew, how many of those drawAhead() asked for, and how many of its images no route
	 * asked for: work lost, as their text was not the text of any page's image (those are deleted).
	 */
	async drawn(): Promise<{ drawn: number; drawnAhead: number; unclaimed: number }> {
		while (this.#drawing.size > 0) await Promise.allSettled([...this.#drawing.values()].map((drawing) => drawing.done));
		const unclaimed = this.#unclaimed.size;
		for (const file of this.#unclaimed) rmSync(file, { force: true });
		this.#unclaimed.clear();
		return { drawn: this.#drawn.all, drawnAhead: this.#drawn.ahead, unclaimed };
	}

	/** The PNG of `request`: from the cache, or drawn now. */
	async png(folder: string, request: ImageRequest): Promise<Uint8Array<ArrayBuffer>> {
		const dir = join(this.#cacheDir, folder);
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${this.key('png', request)}.png`);
		this.#unclaimed.delete(file);
		await this.#ensure(file, request, 'now');
		return new Uint8Array(readFileSync(file));
	}

	/** The SVG of `request` (text as outlines): from the cache, or laid out now, in this thread (Satori alone is quick). */
	async svg(folder: string, request: ImageRequest & { node: CardNode }): Promise<string> {
		const dir = join(this.#cacheDir, folder);
		const file = join(dir, `${this.key('svg', request)}.svg`);
		if (existsSync(file)) return readFileSync(file, 'utf8');
		const svg = await renderSvg(request.node, request.size, request.source);
		mkdirSync(dir, { recursive: true });
		writeAtomically(file, svg);
		return svg;
	}

	/**
	 * Resolves once `file` holds the image: at once if the cache has it, else when a thread has drawn
	 * it. An image needed `now` starts at once (or jumps the queue); a `background` one waits its turn.
	 */
	#ensure(file: string, request: ImageRequest, when: 'now' | 'background'): Promise<void> {
		const known = this.#drawing.get(file);
		if (known) {
			if (when === 'now' && !known.started) {
				this.#waiting.splice(this.#waiting.indexOf(known), 1);
				this.#start([known], 'now');
			}
			return known.done;
		}
		if (existsSync(file)) return Promise.resolve();
		const { promise, resolve, reject } = Promise.withResolvers<void>();
		const drawing: Drawing = { file, request, started: false, done: promise, resolve, reject };
		this.#drawing.set(file, drawing);
		if (when === 'now') this.#start([drawing], 'now');
		else {
			this.#waiting.push(drawing);
			this.#startWaiting();
		}
		return promise;
	}

	/**
	 * Starts waiting images, a batch per thread free of them. A thread draws a whole batch without the
	 * build's main thread, which hands out the batches between rendering pages: given one image at a
	 * time, the threads sat idle through each longer stretch of its work. A batch is at most a few
	 * tenths of a second of drawing, and a share of what is left, so that the threads end together.
	 */
	#startWaiting() {
		while (this.#batchesRunning < this.#threads && this.#waiting.length > 0) {
			const size = Math.min(BATCH, Math.ceil(this.#waiting.length / (2 * this.#threads)));
			this.#start(this.#waiting.splice(0, size), 'background');
		}
	}

	#start(drawings: Drawing[], when: 'now' | 'background') {
		for (const drawing of drawings) drawing.started = true;
		if (when === 'background') this.#batchesRunning++;
		clearTimeout(this.#idleTimer);
		// Without Atomics a thread returns to its event loop between tasks, as worker.ts does between images.
		this.#pool ??= new Piscina<DrawTask[], (string | null)[]>({ filename: pathToFileURL(this.#worker).href, minThreads: 1, maxThreads: this.#threads, atomics: 'disabled' });
		const pool = this.#pool;
		pool
			.run(drawings.map(({ request: { node, size, source }, file }) => ({ node, size, source, file })))
			.then(
				(errors) =>
					drawings.forEach((drawing, i) => {
						if (errors[i] !== null) return drawing.reject(new Error(errors[i]));
						this.#drawn.all++;
						if (this.#ahead.has(drawing.file)) this.#drawn.ahead++;
						drawing.resolve();
					}),
				(error) => drawings.forEach((drawing) => drawing.reject(error)),
			)
			.finally(() => {
				for (const drawing of drawings) this.#drawing.delete(drawing.file);
				if (when === 'background') this.#batchesRunning--;
				this.#startWaiting();
				// The threads end a second after the last image is drawn, so that they never keep the build's
				// process alive, yet are not started again for each card drawAhead() gives one at a time.
				if (this.#drawing.size === 0 && this.#pool === pool) {
					this.#idleTimer = setTimeout(() => {
						if (this.#pool !== pool || this.#drawing.size > 0) return;
						this.#pool = undefined;
						void pool.destroy();
					}, IDLE_THREADS_MS).unref();
				}
			});
	}
}

/** The process's PreviewImages, made by whichever copy of this module asks first, with the options integration.ts set. */
export function sharedPreviewImages(): PreviewImages {
	const options = processSlots.imageOptions;
	if (!options) throw new Error('Preview images: their options are not set (src/images/integration.ts sets them as Astro sets up).');
	// Only this function fills the slot, so what is there is a PreviewImages.
	return (processSlots.images ??= new PreviewImages(options)) as PreviewImages;
}

/** The process's PreviewImages when it is a build, which draws cards ahead of the pages (integration.ts); else undefined. */
export function previewImagesAhead(): PreviewImages | undefined {
	return processSlots.drawAhead ? sharedPreviewImages() : undefined;
}

/** An image drawn or waiting to be, and the promise of its file. */
interface Drawing {
	file: string;
	request: ImageRequest;
	started: boolean;
	done: Promise<void>;
	resolve: () => void;
	reject: (error: unknown) => void;
}

/** Writes under a name of its own, then renames: no build ever reads half a file. */
function writeAtomically(file: string, data: string | Uint8Array) {
	const partial = `${file}.${process.pid}.partial`;
	writeFileSync(partial, data);
	renameSync(partial, file);
}
