// What the build steps share within one build process, and the only such channel. Astro loads the
// project's modules more than once in a build: with the config (the integrations), with the content
// config (whose sync draws question cards ahead, images/cards-ahead.ts) and in the bundle the pages
// render from. What those copies must share (the drawing threads, the images being drawn, the site
// code's key) meets in one slot on globalThis, typed here and nowhere else.

export interface PreviewImagesOptions {
	/** The folder that keeps drawn images between builds (under Astro's cacheDir). */
	cacheDir: string;
	/** src/images/worker.ts: the drawing threads' module; it and every module it imports are hashed into each image's key. */
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
	/** Where the images are kept and drawn from (images/integration.ts, as Astro sets up). */
	imageOptions?: PreviewImagesOptions;
	/** True in a build: content sync draws the question cards ahead of the pages (images/integration.ts). */
	drawAhead?: boolean;
	/** A hash of the code every page passes through after it renders (integrations/site.ts; cache-key.ts). */
	siteCode?: string;
	/** A hash of the names of the browser's files, which pages name (integrations/site.ts; cache-key.ts); unset in astro dev. */
	clientCode?: string;
	/** True in `astro build`, where every page's key needs clientCode. */
	building?: boolean;
}

const KEY = Symbol.for('interview-guide.build-process');

export const processSlots: Slots = ((globalThis as typeof globalThis & { [KEY]?: Slots })[KEY] ??= {});
