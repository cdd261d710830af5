import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { processSlots } from '../data/process-slots.ts';

/**
 * Tells the image routes (through site-images.ts) where the drawn images are kept between builds,
 * `preview-images/` in Astro's cacheDir (node_modules/.astro/, which a build does not empty and git
 * ignores), and where the drawing threads' module is: a route runs from a bundle in dist/, so it
 * cannot find src/images/worker.ts from its own place. In a build, it also lets content sync start
 * the question cards (cards-ahead.ts), and waits for the last images before the build ends.
 */
export function previewImages(): AstroIntegration {
	return {
		name: 'interview-guide:preview-images',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				keepFreedImageMemory();
				processSlots.imageOptions = {
					cacheDir: fileURLToPath(new URL('preview-images/', config.cacheDir)),
					worker: fileURLToPath(new URL('./worker.ts', import.meta.url)),
				};
				// A build draws the question cards while content syncs (cards-ahead.ts); the dev server
				// draws a card when a page asks for it.
				processSlots.drawAhead = command === 'build';
			},
			// Images still being drawn, such as cards whose pages Astro copied from its last build instead
			// of asking for them, are finished before the build ends, not cut off with its process.
			'astro:build:done': async ({ logger }) => {
				const images = processSlots.images;
				if (!images) return;
				const { drawn, drawnAhead, unclaimed } = await images.drawn();
				logger.info(drawn === 0 ? 'Preview images: none drawn, all from the cache.' : `Preview images: ${drawn} drawn, ${drawnAhead} of them while content synced.`);
				if (unclaimed > 0) logger.warn(`${unclaimed} card(s) drawn while content synced were not the cards the pages asked for: src/images/cards-ahead.ts and src/pages/[...card].ts make different cards.`);
			},
		},
	};
}

/**
 * Tells resvg's memory allocator (mimalloc, built into its native library) to keep the memory it
 * frees rather than give it back to the system. Each card's pixels are a new 2 MB block, given back
 * 10 ms after the card and faulted in again, page by page, for the next one: on a virtual machine a
 * third of a card's time (`npm run bench -- --cards 300`: 19.0 ms of CPU a card in the build's
 * threads, 14.8 ms with it). What is kept is used again for the next card, so memory does not grow.
 * mimalloc reads the setting from the process's environment once, when resvg is first loaded, and a
 * worker thread's `process.env` is a copy it never sees: so this runs in the build's main thread,
 * while Astro sets up, before anything draws. A value already set is kept.
 */
export function keepFreedImageMemory() {
	process.env.MIMALLOC_PURGE_DELAY ??= '-1';
}
