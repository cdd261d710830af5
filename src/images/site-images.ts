import { sharedPreviewImages } from './preview-images.ts';
import type { PreviewImagesOptions } from './process-slots.ts';

/** Set by integration.ts. */
declare const __PREVIEW_IMAGES__: PreviewImagesOptions;

/** The site's preview images, kept in Astro's cacheDir: what the image routes draw with, shared with the content sync's cards-ahead.ts. */
export const previewImages = sharedPreviewImages(__PREVIEW_IMAGES__);
