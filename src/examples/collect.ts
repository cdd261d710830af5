// Every Python and SQL example of a content folder, read the way the site renders it. Node only.
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Code } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/index.ts';
import { codeHash } from './records.ts';
import { classifyExample, exampleKey, parseFenceMeta, type Verdict } from './rules.ts';

/** A Python or SQL example of a content file. */
export interface ContentExample {
	/** The content file, relative to the content folder (`questions/01-…/007-….md`). */
	file: string;
	/** Its place among the file's Python and SQL examples, from 1. */
	index: number;
	key: string;
	/** 1-based line of the opening fence in the file. */
	line: number;
	code: string;
	hash: string;
	verdict: Verdict;
	/** The fence's `varies` flag: the output depends on the clock, so only its shape is compared. */
	varies: boolean;
}

/** The Python and SQL examples of one Markdown body, in order (`file` relative to the content folder). */
export function examplesOf(file: string, markdown: string, lineOffset = 0): ContentExample[] {
	const examples: ContentExample[] = [];
	visit(parseMarkdown(markdown), 'code', (node: Code) => {
		const verdict = classifyExample(node.lang, node.meta, node.value);
		if (!verdict) return;
		const index = examples.length + 1;
		examples.push({
			file,
			index,
			key: exampleKey(file, index),
			line: (node.position?.start.line ?? 0) + lineOffset,
			code: node.value,
			hash: codeHash(node.value, verdict.runnable ? verdict.input : undefined),
			verdict,
			varies: parseFenceMeta(node.meta).flags.has('varies'),
		});
	});
	return examples;
}

/** Every Python and SQL example under `contentDir` (questions and pages), in file order. */
export function collectExamples(contentDir: string): ContentExample[] {
	const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
		.map((name) => name.split('\\').join('/'))
		.filter((name) => /^(questions|pages)\//.test(name) && name.endsWith('.md') && !name.split('/').at(-1)!.startsWith('_'))
		.sort();
	return files.flatMap((file) => {
		const text = readFileSync(join(contentDir, file), 'utf8');
		const { content } = parseFrontmatter(text);
		return examplesOf(file, content, text.split('\n').length - content.split('\n').length);
	});
}
