// What a build keeps for the next one: answers rendered while content syncs, in Astro's content store
// (src/data/rendered-glob.ts), and the preview images, in the image cache
// (node_modules/.astro/preview-images/, src/images/preview-images.ts). These builds reuse one copy of
// the project, in order, as an editor's machine does, and check that nothing kept is ever served once
// a change should change it. Whole pages kept between builds: kept-pages.test.ts, on a copy of its
// own, so that the two chains of builds run side by side.
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { keptBuilds } from '../helpers/kept-builds.ts';

const { build, cachedCards, change, copied, failedBuild, failedBuilds, file, files, firstPage, imageCache, images, page } = keptBuilds();

describe('what a build keeps for the next: answers and images', () => {
	test('a second build shows the same answer and the same images, drawing none', async () => {
		// A first build draws every image: 4 cards (site, section, two questions), 4 icons, the favicon
		// (an SVG, which the threads do not draw); the questions' cards while content syncs.
		await build('8 drawn, 2 of them while content synced.');
		const before = firstPage();
		const drawn = images();
		expect(Object.keys(drawn)).toHaveLength(4 + 4 + 1);
		const cached = files(imageCache, 'mtime');
		expect(Object.keys(cached)).toHaveLength(4 + 4 + 1);
		// Nothing changed: nothing is drawn (the cache's files are the same files, untouched).
		await build('none drawn, all from the cache.');
		expect(firstPage()).toBe(before);
		expect(before).toContain('The first answer.');
		expect(images()).toEqual(drawn);
		expect(files(imageCache, 'mtime')).toEqual(cached);
	});

	test('a change to what the Markdown plugins read re-renders files that did not change', async () => {
		// The recorded output of question 1's example, as `npm run examples:record` would rewrite it.
		change('content/example-outputs.json', '"text": "first\\n"', '"text": "first, recorded again\\n"');
		// (And a note for the second question, rendered now with the label the next step changes.)
		change('content/questions/01-basics/002-second.md', '  - The second answer.', '  - The second answer, with <kbd>Ctrl</kbd>.\n\n:::editor-note[A note]\nText.\n:::');
		change('content/questions/01-basics/002-second.md', 'origin: guide', 'origin: guide\neditorNotes: 1');
		await build();
		expect(firstPage()).toContain('first, recorded again');
		// The plugins' own code: the editor's-note label lives in src/lib, which they import.
		change('src/lib/editor-notes.ts', "EDITOR_NOTE_LABEL = 'Editor’s note'", "EDITOR_NOTE_LABEL = 'Site note'");
		await build();
		expect(readFileSync(file('dist/basics/second-question/index.html'), 'utf8')).toContain('<strong>Site note:</strong>');
		// What the plugins import: an answer kept from the last build is checked again against a
		// tightened HTML allow-list (src/site.config.ts), and refused.
		await failedBuild('src/site.config.ts', "tags: ['kbd', ", 'tags: [', '002-second.md:11: raw HTML <kbd> is not allowed');
	});

	test('a file that failed to render, or that the schema refused, is checked again by every build, never kept', async () => {
		// Twice as broken: the second build must not take either file from the store the first left.
		await failedBuilds(
			[
				['content/questions/01-basics/001-first.md', '```python', '```pyhton'],
				['content/questions/01-basics/002-second.md', 'number: 2', 'number: two'],
			],
			['01-basics/001-first.md:12: unknown code language "pyhton"', '01-basics/002-second.md: number: '],
			2,
		);
		await build();
		expect(firstPage()).toContain('The first answer.');
	});

	test('an edited title reaches every page that shows it; the pages it is not on are copied', async () => {
		const before = images();
		const card = readFileSync(file('dist/og/basics/second-question.png'));
		const firstCard = readFileSync(file('dist/og/basics/first-question.png'));
		const cards = cachedCards();
		change('content/questions/01-basics/002-second.md', 'title: What is the second question?', 'title: What is the edited question?');
		const log = await build('1 drawn, 1 of them while content synced.');
		// Its own page, its neighbour's "next" link, its section's list, its short link and its card.
		expect(page('basics/second-question/index.html')).toContain('What is the edited question?');
		expect(firstPage()).toContain('What is the edited question?');
		expect(page('basics/index.html')).toContain('What is the edited question?');
		expect(page('q/2/index.html')).toContain('What is the edited question?');
		expect(readFileSync(file('dist/og/basics/second-question.png')).equals(card)).toBe(false);
		// The other cards show nothing of the second question: taken from the image cache, not drawn
		// again. Only the edited card is new there, and its old image the only one gone.
		const after = cachedCards();
		expect([...after.keys()].filter((name) => !cards.has(name))).toHaveLength(1);
		expect([...cards].filter(([name, written]) => after.get(name) !== written)).toHaveLength(1);
		expect(readFileSync(file('dist/og/basics/first-question.png')).equals(firstCard)).toBe(true);
		expect(copied(log)).not.toContain('/basics/first-question/index.html');
		const built = images();
		expect(Object.keys(built).filter((name) => built[name as keyof typeof built] !== before[name as keyof typeof before])).toEqual(['og/basics/second-question.png']);
	});

	test('without the image cache, a build draws every image again, byte for byte the same', async () => {
		const before = images();
		const cached = Object.keys(files(imageCache, 'hash'));
		rmSync(imageCache, { recursive: true });
		// None while content synced: its store kept every answer, so it read no file again.
		await build('8 drawn, 0 of them while content synced.');
		expect(images()).toEqual(before);
		expect(Object.keys(files(imageCache, 'hash'))).toEqual(cached);
	});
});
