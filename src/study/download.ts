// Offers files to download (browser only): the progress export, and values kept aside.
import { pathWithBase } from '../lib/base.ts';
import { SITE_PATHS } from '../lib/links.ts';
import { exportProgress } from './rules.ts';
import type { Progress } from './record.ts';

/** The file name an export is saved under. */
export const EXPORT_FILE = 'study-progress.json';

/** Offers `text` as a file download named `name` (export, and values kept aside). */
export function downloadText(text: string, name: string): void {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	link.download = name;
	link.click();
	URL.revokeObjectURL(link.href);
}

/** Starts the download of `progress` as an export file whose `$schema` points at this site. */
export function downloadProgress(progress: Progress): void {
	const siteRoot = new URL(pathWithBase(SITE_PATHS.home), location.href).href;
	downloadText(exportProgress(progress, new Date(), siteRoot), EXPORT_FILE);
}
