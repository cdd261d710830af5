// What a build keeps for the next one: answers rendered while content syncs, in Astro's content store
// (src/data/rendered-glob.ts), whole pages, copied by Astro's incremental build while their cacheKey
// (src/data/cache-key.ts) and code hold, and the preview images, in the image cache
// (node_modules/.astro/preview-images/, src/images/preview-images.ts). These builds reuse one copy of
// the project, in order, as an editor's machine does, and check that nothing kept is ever served once
// a change should change it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const page = (path: string) => readFileSync(file(`dist/${path}`), 'utf8');
/** The pages the build's log says it took from the last build rather than rendered. */
const copied = (log: string) => [...howCopied(log).keys()];
/** Each page taken from the last build, and how: left in dist/ ("cached") or copied back from Astro's cache ("restored"). */
const howCopied = (log: string) => new Map([...log.matchAll(/[├└]─ (\S+) \((cached|restored)\)/g)].map((match) => [match[1]!, match[2]!]));
const exists = (path: string) => existsSync(file(`dist/${path}`));
/** The link preview cards in the image cache, by file, with when each was written. */
const cachedCards = () => {
	const dir = file('node_modules/.astro/preview-images/og');
	return new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]));
};
const imageCache = file('node_modules/.astro/preview-images');

/** A folder's files (recursively) with the SHA-256 of their bytes, or their mtime. */
function files(dir: string, what: 'hash' | 'mtime'): Record<string, string> {
	const result: Record<string, string> = {};
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const path = join(dir, name);
		if (!statSync(path).isFile()) continue;
		result[name] = what === 'hash' ? createHash('sha256').update(readFileSync(path)).digest('hex') : String(statSync(path).mtimeMs);
	}
	return result;
}

/** The built images (link cards, icons, favicon) with the SHA-256 of their bytes. */
const images = () => ({
	...Object.fromEntries(Object.entries(files(file('dist/og'), 'hash')).map(([name, hash]) => [`og/${name}`, hash])),
	...Object.fromEntries(Object.entries(files(file('dist/icons'), 'hash')).map(([name, hash]) => [`icons/${name}`, hash])),
	'favicon.svg': createHash('sha256').update(readFileSync(file('dist/favicon.svg'))).digest('hex'),
});

/** A build with `from` changed to `to` in `path`, which must fail naming `message`; then the change undone. */
async function failedBuild(path: string, from: string, to: string, message: string) {
	change(path, from, to);
	const broken = await buildProject(copy.root);
	expect(broken.code).not.toBe(0);
	expect(broken.output).toContain(message);
	change(path, to, from);
}

/** A build that must succeed; `drawn`, when given, is its own count of the preview images it drew. */
async function build(drawn?: string) {
	const { code, output } = await buildProject(copy.root);
	expect(code, output).toBe(0);
	if (drawn) expect(output).toContain(`Preview images: ${drawn}`);
	// No card drawn while content synced went unused: cards-ahead.ts makes the cards the route asks for.
	expect(output).not.toContain('were not the cards the pages asked for');
	return output;
}

describe('what a build keeps for the next', () => {
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
		change('content/questions/01-basics/002-second.md', '  - The second answer.', '  - The second answer.\n\n:::editor-note[A note]\nText.\n:::');
		change('content/questions/01-basics/002-second.md', 'origin: guide', 'origin: guide\neditorNotes: 1');
		await build();
		expect(firstPage()).toContain('first, recorded again');
		// The plugins' own code: the editor's-note label lives in src/lib, which the render key covers.
		change('src/lib/editor-notes.ts', "EDITOR_NOTE_LABEL = 'Editor’s note'", "EDITOR_NOTE_LABEL = 'Site note'");
		await build();
		expect(readFileSync(file('dist/basics/second-question/index.html'), 'utf8')).toContain('<strong>Site note:</strong>');
	});

	test('a file that failed to render is rendered again once it is fixed, never kept empty', async () => {
		await failedBuild('content/questions/01-basics/001-first.md', '```python', '```pyhton', '01-basics/001-first.md');
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

	test('a change to the code that runs after every page renders (the middleware) renders every page again', async () => {
		const log = await build();
		expect(copied(log)).toContain('/basics/first-question/index.html');
		change('src/middleware.ts', 'export const onRequest', '// A change that alters no page.\nexport const onRequest');
		const after = await build();
		expect(copied(after).filter((path) => path.endsWith('.html'))).toEqual([]);
	});

	test('the pages the last build made are left in dist/, and nothing else is', async () => {
		writeFileSync(file('dist/stray.txt'), 'Put here by hand.');
		mkdirSync(file('dist/basics/first-question/extra'));
		writeFileSync(file('dist/basics/first-question/extra/index.html'), '<p>Put here by hand.</p>');
		// A page changed since the build (by hand, or a deploy tool) is not taken for the build's own.
		writeFileSync(file('dist/basics/index.html'), '<p>Changed by hand.</p>');
		const how = howCopied(await build());
		expect(exists('stray.txt')).toBe(false);
		expect(exists('basics/first-question/extra')).toBe(false);
		expect(page('basics/index.html')).toContain('What is the edited question?');
		expect(how.get('/basics/index.html')).toBe('restored');
		expect(how.get('/basics/first-question/index.html')).toBe('cached');
		// (Astro's log names a card with a slash after it.)
		expect(how.get('/og/basics/first-question.png/')).toBe('cached');
	});

	test('a renamed question leaves nothing at its old address: no page, no card, no offline copy', async () => {
		change('content/questions/01-basics/002-second.md', 'slug: second-question', 'slug: renamed-question');
		const log = await build();
		expect(log).toContain('Removed 2 page(s) the last build made and this one did not.');
		expect(exists('basics/renamed-question/index.html')).toBe(true);
		expect(exists('basics/second-question')).toBe(false);
		expect(exists('og/basics/second-question.png')).toBe(false);
		const list = readdirSync(file('dist/offline')).map((name) => readFileSync(file(`dist/offline/${name}`), 'utf8'));
		expect(list.join()).toContain('renamed-question');
		expect(list.join()).not.toContain('second-question');
	});

	test('after a build that fails part-way, the next keeps nothing in dist/ and copies every page back', async () => {
		await failedBuild('src/pages/about.astro', '---\nimport', "---\nthrow new Error('The about page, broken on purpose.');\nimport", 'broken on purpose');
		const how = howCopied(await build());
		expect(how.get('/basics/first-question/index.html')).toBe('restored');
		expect([...how.values()]).not.toContain('cached');
	});
});
