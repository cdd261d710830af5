// Answers are rendered while content syncs and kept in Astro's content store between builds
// (src/data/rendered-glob.ts). These builds reuse one copy of the project, as an editor's machine
// does, and check that the store never serves HTML that a change should have changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildProject, copyProject, projectRoot } from '../helpers/project.ts';

const copy = copyProject(join(projectRoot, 'tests/fixtures/content'));
afterAll(() => copy.remove());

const file = (path: string) => join(copy.root, path);
const change = (path: string, from: string, to: string) => {
	const before = readFileSync(file(path), 'utf8');
	if (!before.includes(from)) throw new Error(`${path} does not hold ${JSON.stringify(from)}`);
	writeFileSync(file(path), before.replace(from, to));
};
const firstPage = () => readFileSync(file('dist/basics/first-question/index.html'), 'utf8');

async function build() {
	const { code, output } = await buildProject(copy.root);
	expect(code, output).toBe(0);
	return output;
}

describe('answers rendered at sync and kept between builds', () => {
	test('a second build shows the same answer', async () => {
		await build();
		const before = firstPage();
		await build();
		expect(firstPage()).toBe(before);
		expect(before).toContain('The first answer.');
	});

	test('a change to what the Markdown plugins read re-renders files that did not change', async () => {
		// The recorded output of question 1's example, as `npm run examples:record` would rewrite it.
		change('content/example-outputs.json', '"text": "first\\n"', '"text": "first, recorded again\\n"');
		await build();
		expect(firstPage()).toContain('first, recorded again');
		// The plugins' own code: the editor's-note label lives in src/lib, which the render key covers.
		change('content/questions/01-basics/002-second.md', '  - The second answer.', '  - The second answer.\n\n:::editor-note[A note]\nText.\n:::');
		change('content/questions/01-basics/002-second.md', 'origin: guide', 'origin: guide\neditorNotes: 1');
		await build();
		change('src/lib/editor-notes.ts', "EDITOR_NOTE_LABEL = 'Editor’s note'", "EDITOR_NOTE_LABEL = 'Site note'");
		await build();
		expect(readFileSync(file('dist/basics/second-question/index.html'), 'utf8')).toContain('<strong>Site note:</strong>');
	});

	test('a file that failed to render is rendered again once it is fixed, never kept empty', async () => {
		change('content/questions/01-basics/001-first.md', '```python', '```pyhton');
		const broken = await buildProject(copy.root);
		expect(broken.code).not.toBe(0);
		expect(broken.output).toContain('01-basics/001-first.md');
		change('content/questions/01-basics/001-first.md', '```pyhton', '```python');
		await build();
		expect(firstPage()).toContain('The first answer.');
	});
});
