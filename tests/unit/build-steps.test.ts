// The build-end steps: one integration runs the search index, then the offline worker, and a
// failing step is named; Pagefind's process is closed whatever happens.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';

const calls: string[] = [];
const pagefind = vi.hoisted(() => ({
	createIndex: vi.fn(),
	close: vi.fn(async () => {}),
}));
vi.mock('pagefind', () => pagefind);
vi.mock('../../src/offline/build.ts', () => ({
	// As the real step does, it writes its list once the search index is written.
	writeOfflineWorker: vi.fn(async (_site: string, { searchIndex }: { searchIndex?: Promise<unknown> }) => {
		calls.push('offline started');
		await searchIndex;
		calls.push('offline');
		return { files: 3, bytes: 2048, workerGzipBytes: 4000 };
	}),
}));

const { writeSearchIndex } = await import('../../src/search/search-index.ts');
const { ungroupWords } = await import('../../src/search/query.ts');
const { siteBuildSteps } = await import('../../src/integrations/site.ts');

const site = mkdtempSync(join(tmpdir(), 'build-steps-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'build-steps-cache-'));
/** The checkout: its content/search-terms.yaml, the field's vocabulary. */
const root = mkdtempSync(join(tmpdir(), 'build-steps-root-'));
mkdirSync(join(root, 'content'));
const vocabulary = (text: string) => writeFileSync(join(root, 'content', 'search-terms.yaml'), text);
afterAll(() => [site, cacheDir, root].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
beforeEach(() => vocabulary('- term: liveness probe\n  also: [liveness check]\n  topic: health checks\n  questions: [2, 1]\n'));

/** A page's fragment as Pagefind writes it: gzipped JSON after a signature. */
const fragment = (number: number, section: string) => ({
	path: `fragment/en_${number}.pf_fragment`,
	content: gzipSync(
		`pagefind_dcd${JSON.stringify({ url: `/${section}/q${number}/`, content: `Question ${number} on readiness`, meta: { number: String(number), title: `Question ${number}`, section: section.toUpperCase() }, filters: { section: [section] } })}`,
	),
});

/**
 * A Pagefind index whose steps succeed, or fail at `failAt`: it reads three pages and writes an index
 * of two (the pages with data-pagefind-body) and the vocabulary's one term, counted in its entry file as Pagefind's is.
 */
function index(failAt?: 'add' | 'write') {
	return {
		addDirectory: vi.fn(async () => {
			calls.push('index');
			return failAt === 'add' ? { errors: ['bad page'], page_count: 0 } : { errors: [], page_count: 3 };
		}),
		getFiles: vi.fn(async () => ({ errors: [], files: [fragment(1, 'basics'), fragment(2, 'ops'), { path: 'pagefind-entry.json', content: new Uint8Array() }] })),
		addCustomRecord: vi.fn(async () => ({ errors: [] })),
		writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
			if (failAt === 'write') return { errors: ['disk full'] };
			mkdirSync(outputPath, { recursive: true });
			writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { page_count: 3 } } }));
			return { errors: [], outputPath };
		}),
	};
}

const logger = { info: vi.fn() };
/** The integration's hooks in a build's order, for a site of no pages. */
const runBuildDone = async () => {
	const { hooks } = siteBuildSteps();
	const run = (hook: keyof typeof hooks, options: unknown) => (hooks[hook] as (options: unknown) => unknown)(options);
	const dir = pathToFileURL(`${site}/`);
	await run('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: dir, root: pathToFileURL(`${root}/`) } });
	await run('astro:build:start', {});
	await run('astro:build:done', { dir, assets: new Map(), logger });
};

beforeEach(() => {
	calls.length = 0;
	pagefind.close.mockClear();
	logger.info.mockClear();
});

describe('siteBuildSteps', () => {
	test('indexes the search while the offline step starts, and writes the worker once the index is written', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index(), errors: [] });
		await runBuildDone();
		expect(calls).toEqual(['offline started', 'index', 'offline']);
		expect(logger.info.mock.calls.map(([line]) => line)).toEqual([
			"Indexed 2 of 3 pages for search, and the field's vocabulary (1 terms).",
			'Offline worker: sw.js is 3.9 KB gzipped; the saved guide is 3 files, about 2 KB.',
		]);
	});

	test('stops at a failing search index, naming the step, and never writes the worker', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index('add'), errors: [] });
		await expect(runBuildDone()).rejects.toThrow(`Search index (Pagefind) failed: Pagefind could not index ${site}/: bad page`);
		expect(calls).toEqual(['offline started', 'index']);
	});
});

describe('writeSearchIndex', () => {
	test('says how many pages it read and how many its index holds, and closes Pagefind', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index(), errors: [] });
		expect(await writeSearchIndex(site, root)).toEqual({ read: 3, indexed: 2, terms: 1 });
		expect(pagefind.close).toHaveBeenCalledOnce();
	});

	test('indexes each vocabulary entry as a record of its own (kind: term) naming its questions, and writes the index’s words beside it', async () => {
		const made = index();
		pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
		await writeSearchIndex(site, root);
		expect(made.addCustomRecord).toHaveBeenCalledExactlyOnceWith({
			url: '/pagefind/terms/1',
			content: 'liveness probe. liveness check',
			language: 'en',
			meta: {
				title: 'liveness probe',
				topic: 'health checks',
				questions: JSON.stringify([
					{ number: 2, id: 'en_2', url: '/ops/q2/', title: 'Question 2', section: 'OPS', sectionId: 'ops' },
					{ number: 1, id: 'en_1', url: '/basics/q1/', title: 'Question 1', section: 'BASICS', sectionId: 'basics' },
				]),
			},
			filters: { kind: ['term'] },
		});
		const written = JSON.parse(readFileSync(join(site, 'search-words.json'), 'utf8'));
		// Words of the pages count the pages that have them; the vocabulary's own words count 0 (they find no page).
		expect(written.words['0']).toBe('check liveness probe');
		expect(ungroupWords(written.words)).toMatchObject({ readiness: 2, question: 2, liveness: 0, probe: 0, check: 0 });
		expect(written.topics).toEqual(['liveness probe']);
	});

	test('without a vocabulary file, indexes the pages alone', async () => {
		const made = index();
		pagefind.createIndex.mockResolvedValue({ index: made, errors: [] });
		rmSync(join(root, 'content', 'search-terms.yaml'));
		await writeSearchIndex(site, root);
		expect(made.addCustomRecord).not.toHaveBeenCalled();
		expect(JSON.parse(readFileSync(join(site, 'search-words.json'), 'utf8')).topics).toEqual([]);
	});

	test('fails on a vocabulary entry that points at a question the guide lacks, naming the file, the entry and the field', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index(), errors: [] });
		vocabulary('- term: sharding\n  topic: partitioning\n  questions: [7]\n');
		await expect(writeSearchIndex(site, root)).rejects.toThrow('content/search-terms.yaml: entry 1 ("sharding"): questions: 7 is not a question of the guide');
		expect(pagefind.close).toHaveBeenCalledOnce();
	});

	test('closes Pagefind when a step fails', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index('write'), errors: [] });
		await expect(writeSearchIndex(site, root)).rejects.toThrow('Pagefind could not write its index: disk full');
		expect(pagefind.close).toHaveBeenCalledOnce();
	});

	test('closes Pagefind when it cannot start', async () => {
		pagefind.createIndex.mockResolvedValue({ index: undefined, errors: ['no binary'] });
		await expect(writeSearchIndex(site, root)).rejects.toThrow('Pagefind could not start: no binary');
		expect(pagefind.close).toHaveBeenCalledOnce();
	});
});
