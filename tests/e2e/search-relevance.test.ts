// The relevance table: queries a reader would type, each with the question(s) one of which must
// come up in the top 3 as the reader sees them in the search dialog (the vocabulary, corrections and
// comparisons included, not only Pagefind's own ranking); and queries that must find nothing.
import { expect, test, type Page } from '@playwright/test';
import { searchDialog, searchInput } from '../helpers/browser.ts';
import { at } from '../helpers/site.ts';
import { SEARCH_PARAMS } from '../../src/search/search-keys.ts';

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

/** A backend engineer's words the answers imply without using them (content/search-terms.yaml). */
const VOCABULARY: [query: string, expected: number[]][] = [
	['liveness probe', [69, 79]],
	['readiness probe', [69, 79]],
	['readiness', [69, 79]],
	['startup probe', [69, 79]],
	['probe', [69, 79]],
	['race condition', [30, 55]],
	['sharding', [77, 54, 84]],
	['token bucket', [94, 44]],
	['leaky bucket', [94, 44]],
	['isolation level', [55, 86]],
	['phantom read', [55, 86]],
	['graceful shutdown', [79]],
	['SIGTERM', [79]],
	['exponential backoff', [72, 58, 80]],
	['jitter', [58]],
	['what is a saga', [100]],
	['transactional outbox', [100]],
	['eventual consistency', [100, 81]],
	['idempotency', [85, 72, 100]],
	['pub/sub', [83, 49]],
	['consumer lag', [93]],
	['service mesh', [98]],
	['OOMKilled', [97]],
	['object storage', [95]],
	['least privilege', [50]],
	['expand and contract', [79, 56]],
	['cascading failure', [48, 80]],
	['autoscaling', [66, 88, 69]],
	['HPA', [66, 88, 69]],
	['cold start', [65, 76]],
	['path traversal', [37]],
	['ASGI', [38]],
	['WSGI', [38]],
	['magic methods', [9, 14, 8]],
	['inter-process communication', [27]],
	['coroutine never awaited', [29]],
	['function overloading', [15]],
	['event loop', [21, 23, 29]],
	['CPU-bound', [24, 7, 25, 23]],
	['denormalization', [53]],
];

/** Typos a candidate makes: corrected to a word of the index, and said so. */
const TYPOS: [query: string, expected: number[]][] = [
	['pydnatic', [33]],
	['pydantc', [33]],
	['kuberntes', [66]],
	['dokcer', [61, 62, 64]],
	['decorater', [11]],
	['deadlcok', [58]],
	['idempotancy', [85]],
	['middelware', [34]],
];

/** "A vs B": the questions about each side come up, those about both first. */
const COMPARISONS: [query: string, expected: number[][]][] = [
	['async vs threads', [[21, 22, 23], [25, 28]]],
	['list vs tuple', [[1]]],
	['WHERE vs HAVING', [[57]]],
	['difference between list and tuple', [[1]]],
	['multiprocessing vs threading', [[24], [25]]],
	['SQL vs NoSQL', [[84]]],
];

/** Made-up words and keyboard runs: nothing matches, and the dialog says what to try. */
const NONSENSE = ['xyzzy', 'qwertyuiop', 'asdfgh', 'frobnicate', 'zxcvbnm', 'blorptastic', 'hjkl;', 'quuxly', 'wibblewobble', 'plmokn', 'zzzzzz', 'snarfblat', 'grault', 'fnord', 'qqq www'];

interface Seen {
	summary: string;
	top: number[];
	matched: string[];
	/** Whether each of the top 3's excerpts marks words the query matched. */
	marked: boolean[];
	nextSteps: boolean;
}

/** Types each query into the search dialog as a reader would and reads what it shows once it has settled. */
async function inDialog(page: Page, queries: string[]): Promise<Record<string, Seen>> {
	await page.goto(at('/'));
	await page.keyboard.press('/');
	const field = searchInput(page);
	await expect(field).toBeFocused();
	const seen: Record<string, Seen> = {};
	for (const query of queries) {
		await field.fill(query);
		// The list is busy from the keystroke until its results are drawn: state, not time (checked
		// every frame: expect's own polling would add a tenth of a second to each of the queries). The
		// first query may outrun the dialog's code: the list then exists before its search has begun,
		// which it has once the address holds the query.
		await page.waitForFunction(
			({ param, typed }) => {
				const list = document.querySelector('sg-search ol.results');
				return list !== null && new URLSearchParams(location.search).get(param) === typed && !list.hasAttribute('aria-busy');
			},
			{ param: SEARCH_PARAMS.query, typed: query.trim() },
			{ polling: 'raf', timeout: 15_000 },
		);
		seen[query] = await searchDialog(page).evaluate((search) => ({
			summary: search.querySelector('.summary')?.textContent ?? '',
			top: [...search.querySelectorAll('.results > li')].slice(0, 3).map((item) => Number.parseInt(item.querySelector('.result-title')?.textContent ?? '', 10)),
			matched: [...search.querySelectorAll('.results > li')].slice(0, 3).map((item) => item.querySelector('.result-matched')?.textContent ?? ''),
			marked: [...search.querySelectorAll('.results > li')].slice(0, 3).map((item) => item.querySelector('.result-excerpt mark') !== null),
			nextSteps: !(search.querySelector('.next-steps') as HTMLElement | null)?.hidden,
		}));
	}
	return seen;
}

test.describe('search relevance, as the dialog shows it', () => {
	let seen: Record<string, Seen>;

	test.beforeAll(async ({ browser }) => {
		test.setTimeout(120_000);
		const page = await browser.newPage();
		seen = await inDialog(page, [...TABLE, ...VOCABULARY, ...TYPOS, ...COMPARISONS].map(([query]) => query).concat(NONSENSE));
		await page.close();
	});

	test('the table holds at least 120 queries, 15 of them nonsense', () => {
		expect(TABLE.length + VOCABULARY.length + TYPOS.length + COMPARISONS.length + NONSENSE.length).toBeGreaterThanOrEqual(120);
		expect(NONSENSE.length).toBeGreaterThanOrEqual(15);
	});

	for (const [query, expected] of [...TABLE, ...VOCABULARY]) {
		test(`"${query}" brings up question ${expected.join(' or ')} in the top 3`, () => {
			const { top, summary } = seen[query]!;
			expect(top.filter((number) => expected.includes(number)), `top 3 for "${query}": ${top.join(', ')} (${summary})`).not.toEqual([]);
		});
	}

	for (const [query, expected] of VOCABULARY) {
		test(`"${query}" says why its questions matched: the words marked, or the vocabulary's "matched: … → …"`, () => {
			const { top, matched, marked } = seen[query]!;
			for (const [index, number] of top.entries()) {
				if (!expected.includes(number)) continue;
				if (!marked[index]) expect(matched[index], `top 3 for "${query}": ${top.join(', ')}`).toMatch(/^matched: .+ → .+$/);
			}
		});
	}

	test('"readiness" is never "read": stemming does not turn a word into another', () => {
		expect(seen['readiness']!.top).not.toContain(5);
	});

	for (const [query, expected] of TYPOS) {
		test(`the typo "${query}" is corrected, said so, and brings up question ${expected.join(' or ')}`, () => {
			const { top, summary } = seen[query]!;
			expect(summary).toMatch(new RegExp(`^Showing results for “[^”]+” \\(you typed “${query}”\\)\\.`));
			expect(top.filter((number) => expected.includes(number)), `top 3 for "${query}": ${top.join(', ')} (${summary})`).not.toEqual([]);
		});
	}

	for (const [query, sides] of COMPARISONS) {
		test(`"${query}" widens: ${sides.map((side) => side.join(' or ')).join(', and ')} in the top 3`, () => {
			const { top, summary } = seen[query]!;
			for (const side of sides) expect(top.filter((number) => side.includes(number)), `top 3 for "${query}": ${top.join(', ')} (${summary})`).not.toEqual([]);
		});
	}

	for (const query of NONSENSE) {
		test(`"${query}" finds nothing, and the dialog says what to try`, () => {
			const { top, summary, nextSteps } = seen[query]!;
			expect(top).toEqual([]);
			expect(summary).toBe(`No question matches “${query}”.`);
			expect(nextSteps).toBe(true);
		});
	}
});
