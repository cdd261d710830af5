// Saves progress as a file the reader can import in another browser (browser only).
import { exportProgress } from './progress.ts';
import type { Progress } from './record.ts';

/** The file name an export is saved under. */
export const EXPORT_FILE = 'study-progress.json';

/** Starts the download of `progress` as an export file whose `$schema` points at this site. */
export function downloadProgress(progress: Progress): void {
	const siteRoot = new URL(import.meta.env.BASE_URL, location.href).href;
	const blob = new Blob([exportProgress(progress, new Date(), siteRoot)], { type: 'application/json' });
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = EXPORT_FILE;
	link.click();
	URL.revokeObjectURL(link.href);
}
