// A "what does this print?" card in the build (src/markdown/remark-runnable-examples.ts): the example
// names it, its output is closed, the card is left for the study pages; a card made of other code than
// the example's fails the build, naming the file and line.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { markdownOptions } from '../../src/markdown/index.ts';
import { projectRoot } from '../helpers/project.ts';

const fixture = join(projectRoot, 'tests/fixtures/content');
const FIRST = 'questions/01-basics/001-first.md';
const root = mkdtempSync(join(tmpdir(), 'prediction-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The fixture's first question rendered with `hash` as its example's card's (the recorded output's hash is right). */
async function renderWithCard(hash: string) {
	const content = join(root, hash, 'content');
	mkdirSync(join(content, 'questions/01-basics'), { recursive: true });
	copyFileSync(join(fixture, FIRST), join(content, FIRST));
	copyFileSync(join(fixture, 'example-outputs.json'), join(content, 'example-outputs.json'));
	const card = { hash, answer: 'first\n', choices: [{ kind: 'off-by-one', change: 'line 1: "first" → "second"', code: 'print("second")', output: 'second\n' }] };
	writeFileSync(join(content, 'example-predictions.json'), JSON.stringify({ [`${FIRST}#1`]: card }));
	const text = readFileSync(join(content, FIRST), 'utf8');
	const body = text.slice(text.indexOf('---', 3) + 3);
	const processor = await createMarkdownProcessor(markdownOptions);
	return processor.render(body, { fileURL: pathToFileURL(join(content, FIRST)), frontmatter: { slug: 'first-question' } });
}

describe('a card in the build', () => {
	const recorded = (JSON.parse(readFileSync(join(fixture, 'example-outputs.json'), 'utf8')) as Record<string, { hash: string }>)[`${FIRST}#1`]!.hash;

	test('names the example, closes its output, and leaves the card with its code for the study pages', async () => {
		const { code: html, metadata } = await renderWithCard(recorded);
		expect(html).toContain('<sg-example data-runtime="python" data-predict="first-question#1">');
		expect(html).toMatch(/<details class="example-output"><summary class="example-output-label">Output<\/summary>/);
		expect(metadata.frontmatter['predictions']).toEqual([
			{ id: 'first-question#1', code: 'print("first")', answer: 'first\n', wrong: [{ output: 'second\n', change: 'line 1: "first" → "second"' }] },
		]);
	});

	test('made of other code: the build fails, naming the file, the line and the command', async () => {
		await expect(renderWithCard('sha256-0000000000000000')).rejects.toThrow(
			/001-first\.md:12: Python example 1 \(questions\/01-basics\/001-first\.md#1\) has changed since its "what does this print\?" card was made: run `npm run examples:predict`/,
		);
	});
});
