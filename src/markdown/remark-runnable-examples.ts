import type { Code, Root } from 'mdast';
import { existsSync, statSync } from 'node:fs';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { outputArea, SQL_CONTEXT } from '../examples/output-html.ts';
import { codeHash, readRecords, RECORDS_FILE, type Records } from '../examples/records.ts';
import { classifyExample, exampleKey, FenceError } from '../examples/rules.ts';

const LANGUAGE = { python: 'Python', sql: 'SQL' } as const;

// The records are read once per build (and again when the file changes, in dev).
let cache: { path: string; mtime: number; records: Records } | undefined;
function recordsFor(contentDir: string): Records {
	const path = `${contentDir}/${RECORDS_FILE}`;
	let mtime = 0;
	try {
		mtime = statSync(path).mtimeMs;
	} catch {
		// No records yet: every runnable example then fails below, naming itself.
	}
	if (cache?.path !== path || cache.mtime !== mtime) cache = { path, mtime, records: readRecords(contentDir) };
	return cache.records;
}

/**
 * Python and SQL examples: a runnable one is wrapped in <sg-example> with its recorded output
 * beneath (src/examples/, where the page's controls upgrade it); one that cannot run in a browser
 * gets a line saying why. Fails the build, naming file and line, on an example whose current code
 * has no recorded output (`npm run examples:record`), and on a fence attribute that is not a reason.
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
			const children: Root['children'] = [node];
			if (verdict.runtime === 'sql') children.push(note(SQL_CONTEXT, 'example-context'));
			// Nodes of types of their own: mdast-util-to-hast turns them into the elements their data names.
			const output = outputArea(record!.output);
			children.push({ type: 'exampleOutput', data: { hName: output.tagName, hProperties: output.properties, hChildren: output.children } } as never);
			parent.children[position] = {
				type: 'runnableExample',
				children: children as never,
				data: { hName: 'sg-example', hProperties: { dataRuntime: verdict.runtime, ...(record!.failed ? { dataFailed: '' } : {}) } },
			} as never;
			return position + 1;
		});
	};
}
