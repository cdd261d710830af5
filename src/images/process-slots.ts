// What the image modules share within one build process. Astro loads them twice in a build: with
// the content config (whose sync draws question cards ahead, cards-ahead.ts) and in the bundle the
// pages render from. Both copies must use the same drawing threads and the images being drawn, so
// the one place they meet is a slot on globalThis, typed here and nowhere else.

export interface PreviewImagesOptions {
	/** The folder that keeps drawn images between builds (under Astro's cacheDir). */
	cacheDir: string;
	/** src/images/worker.ts: the drawing threads' module; the files beside it that draw are hashed too. */
	worker: string;
	/** How many drawing threads at most: one per core unless told. */
	threads?: number;
}

/** What the build's end asks of the images this process drew (integration.ts). */
export interface DrawnImages {
	drawn(): Promise<{ drawn: number; drawnAhead: number; unclaimed: number }>;
}

interface Slots {
	/** The process's one PreviewImages (preview-images.ts's sharedPreviewImages). */
	images?: DrawnImages;
	/** Set, in a build, to the options content sync draws cards ahead with (integration.ts). */
	drawAhead?: PreviewImagesOptions;
}

const KEY = Symbol.for('interview-guide.preview-images');

export const processSlots: Slots = ((globalThis as typeof globalThis & { [KEY]?: Slots })[KEY] ??= {});
