// One copy of the project built again and again, as an editor's machine does, for the tests of what
// a build keeps for the next (tests/pipeline/build-cache.test.ts, kept-pages.test.ts): the builds, and
// what to read of the copy and of a build's log.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { buildProject, copyProject, folderFiles as files, projectRoot } from './project.ts';

/** A copy of the project with the fixture content, removed after the test file. */
export function keptBuilds() {
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

	/** The built images (link cards, icons, favicon) with the SHA-256 of their bytes. */
	const images = () => ({
		...Object.fromEntries(Object.entries(files(file('dist/og'), 'hash')).map(([name, hash]) => [`og/${name}`, hash])),
		...Object.fromEntries(Object.entries(files(file('dist/icons'), 'hash')).map(([name, hash]) => [`icons/${name}`, hash])),
		'favicon.svg': createHash('sha256').update(readFileSync(file('dist/favicon.svg'))).digest('hex'),
	});

	/**
	 * `builds` builds (one unless given) with each change made ([path, from, to]), each of which must
	 * fail naming every one of `messages`; then the changes undone.
	 */
	async function failedBuilds(changes: [path: string, from: string, to: string][], messages: string[], builds = 1) {
		for (const [path, from, to] of changes) change(path, from, to);
		try {
			for (let attempt = 1; attempt <= builds; attempt++) {
				const broken = await buildProject(copy.root);
				expect(broken.code, `build ${attempt}`).not.toBe(0);
				for (const message of messages) expect(broken.output, `build ${attempt}`).toContain(message);
			}
		} finally {
			// Undone whatever happened, so that one failure does not break every later build of the chain.
			for (const [path, from, to] of changes) change(path, to, from);
		}
	}

	/** A build with `from` changed to `to` in `path`, which must fail naming `message`; then the change undone. */
	const failedBuild = (path: string, from: string, to: string, message: string) => failedBuilds([[path, from, to]], [message]);

	/** A build that must succeed; `drawn`, when given, is its own count of the preview images it drew. */
	async function build(drawn?: string) {
		const { code, output } = await buildProject(copy.root);
		expect(code, output).toBe(0);
		if (drawn) expect(output).toContain(`Preview images: ${drawn}`);
		// No card drawn while content synced went unused: cards-ahead.ts makes the cards the route asks for.
		expect(output).not.toContain('were not the cards the pages asked for');
		return output;
	}

	return { root: copy.root, file, change, firstPage, page, copied, howCopied, exists, cachedCards, imageCache, files, images, failedBuild, failedBuilds, build };
}
