// Preview images kept between builds never go stale: builds of one copy of the minimal content set,
// in order, with the image cache (node_modules/.astro/preview-images/) left as the last build left it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildProject, copyProject, projectRoot } from '../helpers/project.ts';

const copy = copyProject(join(projectRoot, 'tests/fixtures/content'));
afterAll(() => copy.remove());
const cache = join(copy.root, 'node_modules/.astro/preview-images');

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

/** The built images: link cards, icons and favicon. */
const images = () => ({
	...Object.fromEntries(Object.entries(files(join(copy.root, 'dist/og'), 'hash')).map(([name, hash]) => [`og/${name}`, hash])),
	...Object.fromEntries(Object.entries(files(join(copy.root, 'dist/icons'), 'hash')).map(([name, hash]) => [`icons/${name}`, hash])),
	'favicon.svg': createHash('sha256').update(readFileSync(join(copy.root, 'dist/favicon.svg'))).digest('hex'),
});

/** Builds the copy; `drawn` is the build's own count of images drawn, and of those drawn while content synced. */
async function build(drawn: string) {
	const { code, output } = await buildProject(copy.root);
	expect(code, output).toBe(0);
	expect(output).toContain(`Preview images: ${drawn}`);
	// No card drawn while content synced went unused: cards-ahead.ts makes the cards the route asks for.
	expect(output).not.toContain('were not the cards the pages asked for');
	return images();
}

// One test, as the builds follow each other: each step starts from the cache the last one left.
test('the image cache serves only images that match the content, and a build without it draws the same bytes', async () => {
	// A first build draws every image: 4 cards (site, section, two questions), 4 icons, the favicon
	// (an SVG, which the threads do not draw); the questions' cards while content syncs.
	const first = await build('8 drawn, 2 of them while content synced.');
	expect(Object.keys(first)).toHaveLength(4 + 4 + 1);
	const cached = files(cache, 'mtime');
	expect(Object.keys(cached)).toHaveLength(4 + 4 + 1);

	// Nothing changed: nothing is drawn (the cache's files are the same files, untouched), and the
	// images are the same bytes.
	expect(await build('none drawn, all from the cache.')).toEqual(first);
	expect(files(cache, 'mtime')).toEqual(cached);

	// One question's title changed: its card, and only its card, is drawn again and differs.
	const question = join(copy.root, 'content/questions/01-basics/001-first.md');
	writeFileSync(question, readFileSync(question, 'utf8').replace('title: What is the first question?', 'title: What is the first question, renamed?'));
	const edited = await build('1 drawn, 1 of them while content synced.');
	const changed = Object.keys(edited).filter((name) => edited[name as keyof typeof edited] !== first[name as keyof typeof first]);
	expect(changed).toEqual(['og/basics/first-question.png']);
	const after = files(cache, 'mtime');
	expect(Object.keys(after).filter((name) => !(name in cached))).toHaveLength(1);
	// The old card is deleted from the cache, every other file left as it was.
	expect(Object.keys(cached).filter((name) => !(name in after))).toHaveLength(1);
	expect(Object.keys(after).filter((name) => name in cached && after[name] !== cached[name])).toEqual([]);

	// Without the cache folder, the build draws everything again, byte for byte the same (once the
	// pages are rendered: content sync, which kept its own store, reads no file again).
	rmSync(cache, { recursive: true });
	expect(await build('8 drawn, 0 of them while content synced.')).toEqual(edited);
	expect(Object.keys(files(cache, 'hash'))).toEqual(Object.keys(after));
}, 300_000);
