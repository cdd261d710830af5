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
import type { CardNode } from '../lib/social-card.ts';
import { renderSvg, rendererFingerprint } from './render.ts';
import type { DrawTask } from './worker.ts';

/** An image to draw: what it shows, its size, and the file its text comes from (named in errors). */
export interface ImageRequest {
	node: CardNode;
	size: { width: number; height: number };
	source: string;
}

export interface PreviewImagesOptions {
	/** The folder that keeps drawn images between builds (under Astro's cacheDir). */
	cacheDir: string;
	/** src/images/worker.ts: the drawing threads' module; the files beside it that draw are hashed too. */
	worker: string;
	/** How many drawing threads at most: one per core unless told. */
	threads?: number;
}

/** The modules a drawing thread runs: a change to any of them is a change to every image. */
const DRAWING_CODE = ['worker.ts', 'render.ts', 'png.ts'];

export class PreviewImages {
	readonly #cacheDir: string;
	readonly #worker: string;
	readonly #threads: number;
	#fingerprint: string | undefined;
	#pool: Piscina<DrawTask, void> | undefined;
	/** Images being drawn now, by cache file. */
	readonly #drawing = new Map<string, Promise<void>>();

	constructor({ cacheDir, worker, threads = availableParallelism() }: PreviewImagesOptions) {
		this.#cacheDir = cacheDir;
		this.#worker = worker;
		this.#threads = threads;
	}

	/** The cache key of an image of a kind ('png' or 'svg'): a hash of all that decides its bytes. */
	key(kind: 'png' | 'svg', { node, size }: ImageRequest): string {
		this.#fingerprint ??= createHash('sha256')
			.update(rendererFingerprint())
			.update(DRAWING_CODE.map((file) => readFileSync(join(dirname(this.#worker), file), 'utf8')).join('\0'))
			.digest('hex');
		return createHash('sha256').update(this.#fingerprint).update(JSON.stringify([kind, size, node])).digest('hex').slice(0, 32);
	}

	/**
	 * Deletes the images of `folder` in the cache that none of `requests` needs any more, and for PNGs
	 * starts drawing, all cores at once, every one the cache lacks. Call it with all of a route's
	 * images (from getStaticPaths, which Astro calls for every route before it renders the first page),
	 * then take each with png() or svg().
	 */
	prepare(folder: string, requests: ImageRequest[], kind: 'png' | 'svg' = 'png'): void {
		const dir = join(this.#cacheDir, folder);
		mkdirSync(dir, { recursive: true });
		const wanted = new Map(requests.map((request) => [`${this.key(kind, request)}.${kind}`, request]));
		for (const name of readdirSync(dir)) {
			// `.partial` files are images being written (worker.ts), perhaps by another build.
			if (!wanted.has(name) && !name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
		}
		if (kind === 'svg') return;
		for (const [name, request] of wanted) {
			// A failure is reported by png(), when the page that needs the image asks for it.
			this.#ensure(join(dir, name), request).catch(() => {});
		}
	}

	/** The PNG of `request`: from the cache, or drawn now. */
	async png(folder: string, request: ImageRequest): Promise<Uint8Array<ArrayBuffer>> {
		const dir = join(this.#cacheDir, folder);
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${this.key('png', request)}.png`);
		await this.#ensure(file, request);
		return new Uint8Array(readFileSync(file));
	}

	/** The SVG of `request` (text as outlines): from the cache, or laid out now, in this thread (Satori alone is quick). */
	async svg(folder: string, request: ImageRequest): Promise<string> {
		const dir = join(this.#cacheDir, folder);
		const file = join(dir, `${this.key('svg', request)}.svg`);
		if (existsSync(file)) return readFileSync(file, 'utf8');
		const svg = await renderSvg(request.node, request.size, request.source);
		mkdirSync(dir, { recursive: true });
		writeAtomically(file, svg);
		return svg;
	}

	/** Resolves once `file` holds the image: at once if the cache has it, else when a thread has drawn it. */
	#ensure(file: string, request: ImageRequest): Promise<void> {
		const drawing = this.#drawing.get(file);
		if (drawing) return drawing;
		if (existsSync(file)) return Promise.resolve();
		this.#pool ??= new Piscina<DrawTask, void>({ filename: pathToFileURL(this.#worker).href, minThreads: 1, maxThreads: this.#threads });
		const pool = this.#pool;
		const task = pool.run({ node: request.node, size: request.size, source: request.source, file }).finally(() => {
			this.#drawing.delete(file);
			// The threads end when the last image is drawn, so they never keep the build's process alive.
			if (this.#drawing.size === 0 && this.#pool === pool) {
				this.#pool = undefined;
				void pool.destroy();
			}
		});
		this.#drawing.set(file, task);
		return task;
	}
}

/** Writes under a name of its own, then renames: no build ever reads half a file. */
function writeAtomically(file: string, data: string | Uint8Array) {
	const partial = `${file}.${process.pid}.partial`;
	writeFileSync(partial, data);
	renameSync(partial, file);
}
