import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { PreviewImagesOptions } from './preview-images.ts';

/**
 * Tells the image routes (through site-images.ts) where the drawn images are kept between builds,
 * `preview-images/` in Astro's cacheDir (node_modules/.astro/, which a build does not empty and git
 * ignores), and where the drawing threads' module is: a route runs from a bundle in dist/, so it
 * cannot find src/images/worker.ts from its own place.
 */
export function previewImages(): AstroIntegration {
	return {
		name: 'interview-guide:preview-images',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				keepFreedImageMemory();
				const options: PreviewImagesOptions = {
					cacheDir: fileURLToPath(new URL('preview-images/', config.cacheDir)),
					worker: fileURLToPath(new URL('./worker.ts', import.meta.url)),
				};
				updateConfig({ vite: { define: { __PREVIEW_IMAGES__: JSON.stringify(options) } } });
			},
		},
	};
}

/**
 * Tells resvg's memory allocator (mimalloc, built into its native library) to keep the memory it
 * frees rather than give it back to the system. Each card's pixels are a new 2 MB block, given back
 * 10 ms after the card and faulted in again, page by page, for the next one: on a virtual machine a
 * third of a card's time (`npm run bench -- --cards 300`: 19.0 ms of CPU a card in the build's
 * threads, 15.9 ms with it). What is kept is used again for the next card, so memory does not grow.
 * mimalloc reads the setting from the process's environment once, when resvg is first loaded, and a
 * worker thread's `process.env` is a copy it never sees: so this runs in the build's main thread,
 * while Astro sets up, before anything draws. A value already set is kept.
 */
export function keepFreedImageMemory() {
	process.env.MIMALLOC_PURGE_DELAY ??= '-1';
}
