// One of the build's drawing threads (run by piscina from preview-images.ts): draws images and writes
// each into the cache, so the thread hands back nothing but which of them failed, and why.
import { readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { renderPng, type ImageNode } from './render.ts';

// The thread draws at a lower priority than the build's main thread: the content sync and the pages
// it renders are the build's critical path, and the cards are wanted only as their pages are written,
// so the threads take the CPU the main thread leaves (most of a core while content syncs). Linux sets
// a thread's priority by its own id, which /proc/thread-self names; elsewhere the thread keeps its own.
try {
	setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 10);
} catch {
	// Not Linux, or not allowed: the same images, drawn at the same priority as the rest.
}

/** An image to draw and the cache file to write it to. */
export interface DrawTask {
	node: ImageNode;
	size: { width: number; height: number };
	/** The file the image's text comes from, named in errors. */
	source: string;
	file: string;
}

/** Draws each task's image into its file, one after another: each one's error message, or null. */
export default async function draw(tasks: DrawTask[]): Promise<(string | null)[]> {
	const errors: (string | null)[] = [];
	for (const { node, size, source, file } of tasks) {
		try {
			const png = await renderPng(node, size, source);
			// Written under a name of its own, then renamed: no build ever reads half an image.
			const partial = `${file}.${process.pid}-${threadId}.partial`;
			writeFileSync(partial, png);
			renameSync(partial, file);
			errors.push(null);
		} catch (error) {
			errors.push(error instanceof Error ? error.message : String(error));
		}
		// Back to the event loop between images: resvg's native pixmaps (3 MB a card, unseen by V8) are
		// freed by finalizers that run there. Without it, a 1,000-card build held 8 GB.
		await setImmediate();
	}
	return errors;
}
