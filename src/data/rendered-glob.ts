// Astro's glob loader, rendering each Markdown file while content syncs. The HTML is kept in Astro's
// content store (node_modules/.astro/) between builds, so a build renders only the files that
// changed, and the pages import no Markdown module for Vite to bundle.
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREDICTIONS_FILE } from '../examples/prediction-records.ts';
import { RECORDS_FILE } from '../examples/records.ts';
import { filesKey, moduleClosure } from './module-closure.ts';

/** The module that sets up Markdown: its plugins, and every module they import, render the answers. */
const MARKDOWN_SETUP = 'src/markdown/index.ts';

/**
 * What, besides a file's own text, decides its HTML (paths from the project's root): the Markdown
 * setup's import closure (site.config.ts's HTML allow-list included), the files the plugins read
 * (the recorded example outputs and their cards), the config and the installed versions. Astro
 * itself clears its store when the config's values or its own version change, but not when plugin
 * code does.
 */
export function renderInputs(root: string): string[] {
	return [...moduleClosure(root, [MARKDOWN_SETUP]), `content/${RECORDS_FILE}`, `content/${PREDICTIONS_FILE}`, 'astro.config.ts', 'package-lock.json'];
}

/** A hash of everything renderInputs() names. */
export function renderKey(root: string): string {
	return filesKey(root, renderInputs(root));
}

type GlobOptions = Omit<Parameters<typeof glob>[0], 'deferRender'> & {
	/** Called with each file's data once the collection's schema has checked it, before the file is rendered (src/images/cards-ahead.ts). */
	onParsed?: (data: Record<string, unknown>, file: string, context: LoaderContext) => void;
};

/**
 * The glob loader with rendering at sync, made strict: Astro's loader only logs a file it cannot read
 * or render and stores it without HTML (an empty page). Here the build fails, naming every such file,
 * and the file is left out of the store so that the next build tries it again. A file whose
 * frontmatter the schema refuses fails the build too, with every other such file (Astro's loader
 * stops at the first): an editor sees all of them at once.
 */
export function renderedGlob({ onParsed, ...options }: GlobOptions): Loader {
	const inner = glob({ ...options, deferRender: false });
	return {
		name: 'rendered-glob',
		async load(context: LoaderContext) {
			const key = renderKey(fileURLToPath(context.config.root));
			let failures: string[] | undefined = [];
			// While the first sync runs, errors are collected; later (the dev server's file watcher) they
			// are logged as the glob loader logs them.
			const logger = Object.assign(Object.create(Object.getPrototypeOf(context.logger)), context.logger, {
				error: (message: string) => (failures ? failures.push(message) : context.logger.error(message)),
			});
			const root = fileURLToPath(context.config.root);
			/** Entries whose data the schema refused: deleted from the store once the loader ends, so the next build checks them again. */
			const refused = new Set<string>();
			const parseData: LoaderContext['parseData'] = async (props) => {
				let data;
				try {
					data = await context.parseData(props);
				} catch (error) {
					if (!failures) throw error;
					failures.push(schemaFailure(error, props.filePath ? relative(root, props.filePath) : props.id));
					refused.add(props.id);
					// Unchecked, only so that the loader goes on to the next file; deleted below.
					return props.data;
				}
				onParsed?.(data, props.filePath ?? props.id, context);
				return data;
			};
			await inner.load({
				...context,
				logger,
				// Each entry's digest covers the renderer too: a plugin change re-renders every file.
				generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${key}\0${data}` : { key, data }),
				parseData,
			});
			const found = failures;
			failures = undefined;
			for (const entry of context.store.values()) {
				if (refused.has(entry.id)) {
					context.store.delete(entry.id);
					continue;
				}
				if (entry.rendered) continue;
				// Left out of the store, so the next build renders it again rather than keep it empty.
				context.store.delete(entry.id);
				if (!found.some((message) => message.includes(entry.id))) found.push(`${entry.filePath ?? entry.id} has no HTML.`);
			}
			if (found.length > 0) {
				// In file order: the loader reads several files at once, and finishes them in any order.
				found.sort();
				throw new Error(`${options.base}: ${found.length} file(s) the site cannot show:\n- ${found.join('\n- ')}`);
			}
		},
	};
}

/**
 * One line for a file the schema refused: its file, then each field and what is wrong with
 * it, from Astro's message ("**coll → id** data does not match…" and a "**field**: **field**: why"
 * line per field), without its Markdown.
 */
function schemaFailure(error: unknown, file: string): string {
	const lines = String((error as Error).message ?? error)
		.replaceAll('**', '')
		.split('\n')
		// "**slug**: **slug**: Required" says the field twice; a key the schema does not know has no field (": Unrecognized key").
		.map((line) => line.trim().replace(/^([^:]+): \1: /, '$1: ').replace(/^: /, ''))
		.filter(Boolean);
	const fields = lines.length > 1 && lines[0]!.endsWith('does not match collection schema.') ? lines.slice(1) : lines;
	return `${file}: ${fields.join('; ')}`;
}
