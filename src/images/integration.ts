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
				const options: PreviewImagesOptions = {
					cacheDir: fileURLToPath(new URL('preview-images/', config.cacheDir)),
					worker: fileURLToPath(new URL('./worker.ts', import.meta.url)),
				};
				updateConfig({ vite: { define: { __PREVIEW_IMAGES__: JSON.stringify(options) } } });
			},
		},
	};
}
