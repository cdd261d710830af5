// Every editor's note in content/ is on its question's page with its label, out of the search
// index, and listed, with a working link, on the page of what the site adds.
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Nodes } from 'hast';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { findEditorNotes } from '../../src/markdown/editor-notes.ts';
import { questionPath } from '../../src/lib/links.ts';
import { readContent } from '../helpers/content.ts';
import { distDir } from '../helpers/dist.ts';

const { questions } = readContent();
const noted = questions.map((question) => ({ question, notes: findEditorNotes(question.body) })).filter(({ notes }) => notes.length > 0);
const page = (path: string) => fromHtml(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
const elements = (tree: Nodes, test: (element: Element) => boolean) => {
	const found: Element[] = [];
	visit(tree, 'element', (element) => {
		if (test(element)) found.push(element);
	});
	return found;
};
const hasClass = (element: Element, name: string) => ((element.properties['className'] as string[] | undefined) ?? []).includes(name);

describe("editor's notes on question pages", () => {
	test.each(noted.map(({ question, notes }) => [question.file, question, notes] as const))('%s', (_, question, notes) => {
		const asides = elements(page(questionPath(question)), (element) => element.tagName === 'aside' && hasClass(element, 'editor-note'));
		expect(asides.map((aside) => aside.properties['id'])).toEqual(notes.map((note) => note.id));
		for (const [index, aside] of asides.entries()) {
			// Out of the search index, so a result's excerpt is always the guide's own text.
			expect(aside.properties['dataPagefindIgnore']).toBe('all');
			const [title] = elements(aside, (element) => hasClass(element, 'editor-note-title'));
			expect(toString(title!)).toBe(`Editor’s note: ${notes[index]!.title}`);
			expect(aside.properties['ariaLabelledBy']).toEqual([title!.properties['id']]);
		}
	});
});

describe('the page of what the site adds', () => {
	const additions = page('/additions/');
	const links = elements(additions, (element) => element.tagName === 'a').map((a) => ({
		href: String(a.properties['href']),
		text: toString(a),
	}));

	test("lists every editor's note, linked to where it stands, under its title", () => {
		const expected = noted.flatMap(({ question, notes }) => notes.map((note) => ({ href: `${questionPath(question)}#${note.id}`, text: note.title })));
		expect(links.filter((link) => link.href.includes('#editors-note-'))).toEqual(expected);
		expect(expected.length).toBeGreaterThanOrEqual(30);
	});

	test('lists the question the site wrote', () => {
		for (const question of questions.filter((q) => q.origin === 'site')) {
			expect(links.some((link) => link.href === questionPath(question))).toBe(true);
		}
	});

	test('is linked from every page’s footer', () => {
		const [footer] = elements(page('/'), (element) => element.tagName === 'footer');
		expect(elements(footer!, (element) => element.tagName === 'a').map((a) => a.properties['href'])).toContain('/additions/');
	});
});
