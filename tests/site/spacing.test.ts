// Text around links, code and key caps keeps its spaces on every built page: a word that runs into
// one ("Start fromthe home page", "as/q/7/") fails, naming the page and the text.
import { fromHtml } from 'hast-util-from-html';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir, listBuiltHtml, pathOfFile } from '../helpers/dist.ts';
import { findMissingSpaces } from '../helpers/spacing.ts';

describe('findMissingSpaces', () => {
	const check = (html: string) => findMissingSpaces(fromHtml(html, { fragment: true }));

	test('finds a word that runs into a link or code, before or after it', () => {
		expect(check('<p>Start from<a href="/">the home page</a>, or use a link such as<code>/q/7/</code>.</p>')).toEqual([
			'"Start fromthe home page"',
			'"such as/q/7/"',
		]);
		expect(check('<p>Press <kbd>/</kbd>to search.</p>')).toEqual(['"/to search."']);
		expect(check('<p>Listed on one page.<a href="/about/">About this guide</a>.</p>')).toEqual(['"one page.About this guide"']);
	});

	test('accepts spaces, punctuation, plurals of code, and code blocks', () => {
		expect(check('<p>Start from <a href="/">the home page</a>, (<code>guide.md</code>) and <code>list</code>s.</p>')).toEqual([]);
		expect(check('<pre><code>x</code>y</pre>')).toEqual([]);
	});
});

describe('text around inline elements on every built page', () => {
	const files = listBuiltHtml();
	test('keeps its spaces', () => {
		const problems = files.flatMap((file) =>
			findMissingSpaces(fromHtml(readFileSync(join(distDir, file), 'utf8'))).map((text) => `${pathOfFile(file)}: ${text}`),
		);
		expect(problems).toEqual([]);
	});
});
