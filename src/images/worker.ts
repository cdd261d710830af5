// One of the build's drawing threads (run by piscina from preview-images.ts): draws an image and
// writes it into the cache, so the thread hands back nothing but "done" or the error.
import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { renderPng, type ImageNode } from './render.ts';

/** An image to draw and the cache file to write it to. */
export interface DrawTask {
	node: ImageNode;
	size: { width: number; height: number };
	/** The file the image's text comes from, named in errors. */
	source: string;
	file: string;
}

/** Draws `task.node` as a PNG into `task.file`. */
export default async function draw({ node, size, source, file }: DrawTask): Promise<void> {
	const png = await renderPng(node, size, source);
	// Written under a name of its own, then renamed: no build ever reads half an image.
	const partial = `${file}.${process.pid}-${threadId}.partial`;
	writeFileSync(partial, png);
	renameSync(partial, file);
}
