import { sharedPreviewImages } from './preview-images.ts';

/** The site's preview images, kept in Astro's cacheDir: what the image routes draw with, shared with the content sync's cards-ahead.ts. */
export const previewImages = sharedPreviewImages();
