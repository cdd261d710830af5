// The build-end steps: one integration runs the search index, then the offline worker, and a
// failing step is named; Pagefind's process is closed whatever happens.
import { beforeEach, describe, expect, test, vi } from 'vitest';

const calls: string[] = [];
const pagefind = vi.hoisted(() => ({
	createIndex: vi.fn(),
	close: vi.fn(async () => {}),
}));
vi.mock('pagefind', () => pagefind);
vi.mock('../../src/offline/build.ts', () => ({
	writeOfflineWorker: vi.fn(async () => {
		calls.push('offline');
		return { files: 3, bytes: 2048, workerGzipBytes: 4000 };
	}),
}));

const { writeSearchIndex } = await import('../../src/search/search-index.ts');
const { siteBuildSteps } = await import('../../src/integrations/site.ts');

/** A Pagefind index whose steps succeed, or fail at `failAt`. */
function index(failAt?: 'add' | 'write') {
	return {
		addDirectory: vi.fn(async () => {
			calls.push('index');
			return failAt === 'add' ? { errors: ['bad page'], page_count: 0 } : { errors: [], page_count: 2 };
		}),
		writeFiles: vi.fn(async () => (failAt === 'write' ? { errors: ['disk full'] } : { errors: [] })),
	};
}

const logger = { info: vi.fn() };
const runBuildDone = () =>
	(siteBuildSteps().hooks['astro:build:done'] as (options: unknown) => Promise<void>)({ dir: new URL('file:///tmp/site/'), logger });

beforeEach(() => {
	calls.length = 0;
	pagefind.close.mockClear();
	logger.info.mockClear();
});

describe('siteBuildSteps', () => {
	test('indexes the search, then writes the offline worker', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index(), errors: [] });
		await runBuildDone();
		expect(calls).toEqual(['index', 'offline']);
		expect(logger.info.mock.calls.map(([line]) => line)).toEqual([
			'Indexed 2 pages for search.',
			'Offline worker: sw.js is 3.9 KB gzipped; the saved guide is 3 files, about 2 KB.',
		]);
	});

	test('stops at a failing search index, naming the step, and never writes the worker', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index('add'), errors: [] });
		await expect(runBuildDone()).rejects.toThrow('Search index (Pagefind) failed: Pagefind could not index /tmp/site/: bad page');
		expect(calls).toEqual(['index']);
	});
});

describe('writeSearchIndex', () => {
	test('closes Pagefind when it succeeds', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index(), errors: [] });
		expect(await writeSearchIndex('/tmp/site')).toBe(2);
		expect(pagefind.close).toHaveBeenCalledOnce();
	});

	test('closes Pagefind when a step fails', async () => {
		pagefind.createIndex.mockResolvedValue({ index: index('write'), errors: [] });
		await expect(writeSearchIndex('/tmp/site')).rejects.toThrow('Pagefind could not write its index: disk full');
		expect(pagefind.close).toHaveBeenCalledOnce();
	});

	test('closes Pagefind when it cannot start', async () => {
		pagefind.createIndex.mockResolvedValue({ index: undefined, errors: ['no binary'] });
		await expect(writeSearchIndex('/tmp/site')).rejects.toThrow('Pagefind could not start: no binary');
		expect(pagefind.close).toHaveBeenCalledOnce();
	});
});
