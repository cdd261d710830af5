import type { Code, Root } from 'mdast';
import { existsSync, statSync } from 'node:fs';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { outputArea, SQL_CONTEXT } from '../examples/output-html.ts';
import { PREDICTIONS_FILE, readPredictions, type Predictions } from '../examples/prediction-records.ts';
import { codeHash, readRecords, RECORDS_FILE, type Records } from '../examples/records.ts';
import { classifyExample, exampleKey, FenceError } from '../examples/rules.ts';
import { predictionId, type PredictionCard } from '../lib/prediction.ts';

const LANGUAGE = { python: 'Python', sql: 'SQL' } as const;

const mtimeOf = (path: string) => {
	try {
		return statSync(path).mtimeMs;
	} catch {
		// Not written yet: every runnable example then fails below, naming itself (an example without a
		// card simply has none).
		return 0;
	}
};

/** A file the plugin reads, read once per build (and again when it changes, in dev). */
function cachedRead<T>(file: string, read: (contentDir: string) => T): (contentDir: string) => T {
	let cache: { path: string; mtime: number; value: T } | undefined;
	return (contentDir) => {
		const path = `${contentDir}/${file}`;
		const mtime = mtimeOf(path);
		if (cache?.path !== path || cache.mtime !== mtime) cache = { path, mtime, value: read(contentDir) };
		return cache.value;
	};
}
const recordsFor = cachedRead<Records>(RECORDS_FILE, readRecords);
const predictionsFor = cachedRead<Predictions>(PREDICTIONS_FILE, readPredictions);

/**
 * Python and SQL examples: a runnable one is wrapped in <sg-example> with its recorded output
 * beneath (src/examples/, where the page's controls upgrade it); one that cannot run in a browser
 * gets a line saying why. An example with a "what does this print?" card names it (data-predict),
 * keeps its output closed, and leaves the card in data.astro.frontmatter.predictions for the study
 * pages (src/data/content.ts). Fails the build, naming file and line, on an example whose current
 * code has no recorded output (`npm run examples:record`) or changed since its card was made
 * (`npm run examples:predict`), and on a fence attribute that is not a reason.
 */
export function remarkRunnableExamples() {
	return (tree: Root, file: VFile) => {
		// Markdown from no file, or from no content folder on disk (tests' snippets), has no records:
		// its examples are left as they are.
		if (!file.path) return;
		const path = file.path.split('\\').join('/');
		const at = path.lastIndexOf('/content/');
		const contentDir = path.slice(0, at + '/content'.length);
		if (at === -1 || !existsSync(contentDir)) return;
		const relative = path.slice(at + '/content/'.length);
		const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
		const slug = astro.frontmatter?.['slug'];
		const cards: PredictionCard[] = [];
		let index = 0;
		visit(tree, 'code', (node: Code, position, parent) => {
			const line = node.position?.start.line ?? 0;
			let verdict;
			try {
				verdict = classifyExample(node.lang, node.meta, node.value);
			} catch (error) {
				if (error instanceof FenceError) file.fail(`${file.path}:${line}: ${error.message}`, node);
				throw error;
			}
			if (!verdict || !parent || position === undefined) return;
			index++;
			// A <div>: in a tight list, mdast-util-to-hast unwraps every <p>, and the class with it.
			const note = (value: string, className: string) =>
				({ type: 'exampleNote', data: { hName: 'div', hProperties: { className: [className] }, hChildren: [{ type: 'text', value }] } }) as never;
			if (!verdict.runnable) {
				parent.children.splice(position + 1, 0, note(verdict.message, 'example-not-runnable'));
				return position + 2;
			}
			const key = exampleKey(relative, index);
			const record = recordsFor(contentDir)[key];
			const hash = codeHash(node.value, verdict.input);
			if (!record || record.hash !== hash) {
				file.fail(
					`${file.path}:${line}: ${LANGUAGE[verdict.runtime]} example ${index} (${key}) has ${record ? 'changed since its output was recorded' : 'no recorded output'}: run \`npm run examples:record\`, read what it prints, and commit content/${RECORDS_FILE}`,
					node,
				);
			}
			const prediction = predictionsFor(contentDir)[key];
			if (prediction && prediction.hash !== hash) {
				file.fail(
					`${file.path}:${line}: ${LANGUAGE[verdict.runtime]} example ${index} (${key}) has changed since its "what does this print?" card was made: run \`npm run examples:predict\`, read what it prints, and commit content/${PREDICTIONS_FILE}`,
					node,
				);
			}
			let id: string | undefined;
			if (prediction) {
				if (typeof slug !== 'string') file.fail(`${file.path}: no "slug" in the frontmatter, which names example ${index}'s "what does this print?" card`);
				id = predictionId(slug as string, index);
				cards.push({ id, code: node.value, answer: prediction.answer, wrong: prediction.choices.map(({ output, change }) => ({ output, change })) });
			}
			const children: Root['children'] = [node];
			if (verdict.runtime === 'sql') children.push(note(SQL_CONTEXT, 'example-context'));
			// Nodes of types of their own: mdast-util-to-hast turns them into the elements their data names.
			const output = outputArea(record!.output, { closed: prediction !== undefined });
			children.push({ type: 'exampleOutput', data: { hName: output.tagName, hProperties: output.properties, hChildren: output.children } } as never);
			parent.children[position] = {
				type: 'runnableExample',
				children: children as never,
				data: {
					hName: 'sg-example',
					hProperties: { dataRuntime: verdict.runtime, ...(record!.failed ? { dataFailed: '' } : {}), ...(id ? { dataPredict: id } : {}) },
				},
			} as never;
			return position + 1;
		});
		if (cards.length > 0) (astro.frontmatter ??= {})['predictions'] = cards;
	};
}
