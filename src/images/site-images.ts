import { PreviewImages, type PreviewImagesOptions } from './preview-images.ts';

/** Set by integration.ts. */
declare const __PREVIEW_IMAGES__: PreviewImagesOptions;

/** The site's preview images, kept in Astro's cacheDir: what the image routes draw with. */
export const previewImages = new PreviewImages(__PREVIEW_IMAGES__);
