// The relevance table: queries a reader would type, each with the question(s) one of which must
// come up in the top 3. Run against the built index through Pagefind's own JS API in the browser.
import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';

const TABLE: [query: string, expected: number[]][] = [
	['deadlock', [58]],
	['GIL', [7]],
	['global interpreter lock', [7]],
	['__init__', [6]],
	['init', [6]],
	['__init__.py', [6]],
	['__repr__', [9]],
	['repr', [9]],
	['__str__', [9]],
	['__name__', [10]],
	['async', [22]],
	['await', [22]],
	['async/await', [22]],
	['docker-compose', [64]],
	['compose', [64]],
	['deepcopy', [16]],
	['shallow copy', [16]],
	['cProfile', [17]],
	['cprofile', [17]],
	['HAVING', [57]],
	['WHERE and HAVING', [57]],
	['blue-green', [99]],
	['blue green deployment', [99]],
	['CI/CD', [82]],
	['decorator', [11]],
	['generator expression', [12]],
	['context manager', [14]],
	['staticmethod', [18]],
	['classmethod', [18]],
	['merge dictionaries', [19]],
	['virtual environment', [3]],
	['venv', [3]],
	['list comprehension', [4]],
	['tuple', [1]],
	['multiprocessing', [24]],
	['threading', [25]],
	['gevent', [26]],
	['monkey patch', [26]],
	['queue module', [30]],
	['Depends', [32]],
	['dependency injection', [32]],
	['Pydantic', [33]],
	['middleware', [34]],
	['Blueprint', [36]],
	['uvicorn', [38]],
	['gunicorn', [38]],
	['HTTPS', [39]],
	['exception handler', [40]],
	['idempotent', [85]],
	['CAP theorem', [81]],
	['circuit breaker', [48]],
	['rate limiting', [44, 94]],
	['API Gateway', [45]],
	['distributed tracing', [47]],
	['LEFT JOIN', [51]],
	['create index', [52]],
	['normalization', [53]],
	['TRUNCATE', [59]],
	['connection pooling', [60]],
	['Dockerfile', [62]],
	['multi-stage build', [65, 76]],
	['Pod', [67]],
	['ConfigMap', [70]],
	['memory leak', [75]],
	['Kafka', [93]],
	['saga', [100]],
	['ACID', [86]],
	['load balancing', [87]],
	['horizontal scaling', [88]],
	['caching', [89]],
	['monolith', [82]],
	['NoSQL', [84]],
	['ELK', [96]],
	['OOM', [97]],
	['zero-downtime', [79]],
	['argparse', [13]],
	['method overloading', [15]],
	['event-driven', [83]],
	['FastAPI endpoint', [31]],
	['Secrets', [70, 92]],
];

/** Runs every query of the table in one page and returns the top three question numbers of each. */
async function topThree(page: Page, queries: string[]): Promise<Record<string, number[]>> {
	await page.goto(at('/'));
	return page.evaluate(async (queries) => {
		const pagefind = await import(/* @vite-ignore */ `${document.baseURI.replace(/\/?$/, '/')}pagefind/pagefind.js`);
		const top: Record<string, number[]> = {};
		for (const query of queries) {
			const { results } = await pagefind.search(query);
			const data = await Promise.all(results.slice(0, 3).map((result: { data(): Promise<{ meta: { number: string } }> }) => result.data()));
			top[query] = data.map((result) => Number(result.meta.number));
		}
		return top;
	}, queries);
}

test.describe('search relevance', () => {
	let results: Record<string, number[]>;

	test.beforeAll(async ({ browser }) => {
		const page = await browser.newPage();
		results = await topThree(page, TABLE.map(([query]) => query));
		await page.close();
	});

	test('the table holds at least 40 queries', () => {
		expect(TABLE.length).toBeGreaterThanOrEqual(40);
	});

	for (const [query, expected] of TABLE) {
		test(`"${query}" brings up question ${expected.join(' or ')} in the top 3`, () => {
			const top = results[query] ?? [];
			expect(top.filter((number) => expected.includes(number)), `top 3 for "${query}": ${top.join(', ')}`).not.toEqual([]);
		});
	}
});
