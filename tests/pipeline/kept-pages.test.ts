// What a build keeps for the next one: whole pages, copied by Astro's incremental build while their
// cacheKey (src/data/cache-key.ts) and code hold (answers and images: build-cache.test.ts). These
// builds reuse one copy of the project, in order, as an editor's machine does.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { keptBuilds } from '../helpers/kept-builds.ts';

const { build, copied, change, exists, failedBuild, file, firstPage, howCopied, page } = keptBuilds();

describe('what a build keeps for the next: pages', () => {
	test('the pages the last build made are left in dist/, and nothing else is', async () => {
		await build();
		writeFileSync(file('dist/stray.txt'), 'Put here by hand.');
		mkdirSync(file('dist/basics/first-question/extra'));
		writeFileSync(file('dist/basics/first-question/extra/index.html'), '<p>Put here by hand.</p>');
		// A page changed since the build (by hand, or a deploy tool) is not taken for the build's own.
		writeFileSync(file('dist/basics/index.html'), '<p>Changed by hand.</p>');
		const how = howCopied(await build());
		expect(exists('stray.txt')).toBe(false);
		expect(exists('basics/first-question/extra')).toBe(false);
		expect(page('basics/index.html')).toContain('What is the second question?');
		expect(how.get('/basics/index.html')).toBe('restored');
		expect(how.get('/basics/first-question/index.html')).toBe('cached');
		// (Astro's log names a card with a slash after it.)
		expect(how.get('/og/basics/first-question.png/')).toBe('cached');
	});

	test('a change to the code that runs after every page renders (the middleware) renders every page again', async () => {
		// The build before copied the pages it could (the test above), so this one would have too.
		expect(exists('basics/first-question/index.html')).toBe(true);
		change('src/middleware.ts', 'export const onRequest', '// A change that alters no page.\nexport const onRequest');
		const after = await build();
		expect(copied(after).filter((path) => path.endsWith('.html'))).toEqual([]);
	});

	test('a change to the code pages run in the browser renders every page again: no page names a script the build did not write', async () => {
		// copy-link.ts is only in the browser's bundle (Base.astro's script), not in the code Astro
		// renders pages with: its chunk gets a new name that a copied page would not know.
		change('src/components/copy-link.ts', "'Link copied.'", "'The link is copied.'");
		const after = await build();
		expect(copied(after).filter((path) => path.endsWith('.html'))).toEqual([]);
		const named = new Set([...firstPage().matchAll(/\/_astro\/[\w.-]+\.js/g)].map((match) => match[0]));
		expect(named.size).toBeGreaterThan(0);
		for (const script of named) expect(exists(script.slice(1)), script).toBe(true);
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
