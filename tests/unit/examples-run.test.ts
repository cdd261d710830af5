// Every runnable example of content/ runs here with the runtimes the browser uses (Pyodide and
// PGlite, in Node), and what it prints must match its record in content/example-outputs.json.
// A change fails naming the file, line and the lines that differ; after reading them, re-record
// with `npm run examples:record`. Pyodide loads once for the whole file (a few seconds).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectExamples } from '../../src/examples/collect.ts';
import { createNodeRunners, type NodeRunners } from '../../src/examples/node-runner.ts';
import { failedLine, outputByLine } from '../../src/examples/python-run.ts';
import { readRecords } from '../../src/examples/records.ts';
import { failedSqlLine, sqlSession, textParsers } from '../../src/examples/sql-run.ts';
import { PGlite, types } from '@electric-sql/pglite';
import { claimHolds, compareRun, outputClaims, outputText } from '../../src/examples/rules.ts';
import { STDLIB_MODULES } from '../../src/examples/stdlib-modules.ts';
import { contentDir } from '../helpers/content.ts';

const examples = collectExamples(contentDir);
const runnable = examples.filter((example) => example.verdict.runnable);
const records = readRecords(contentDir);
let runners: NodeRunners;

beforeAll(async () => {
	runners = await createNodeRunners();
}, 120_000);
afterAll(async () => runners?.close());

describe('the content’s examples', () => {
	test('are counted: Python and SQL, run or not, and why not', () => {
		const count = (predicate: (example: (typeof examples)[number]) => boolean) => examples.filter(predicate).length;
		const reasons = Object.groupBy(examples.filter((example) => !example.verdict.runnable), (example) => (example.verdict.runnable ? '' : example.verdict.reason));
		// The figures docs/examples.md gives; a content change that moves them updates both.
		expect({
			python: count((example) => example.verdict.runtime === 'python'),
			sql: count((example) => example.verdict.runtime === 'sql'),
			runnable: runnable.length,
			notRunnable: Object.fromEntries(Object.entries(reasons).map(([reason, list]) => [reason, list!.length])),
		}).toMatchInlineSnapshot(`
			{
			  "notRunnable": {
			    "files": 2,
			    "package": 19,
			    "server": 1,
			    "threads": 5,
			  },
			  "python": 52,
			  "runnable": 29,
			  "sql": 4,
			}
		`);
	});

	test('every record belongs to a runnable example (none left behind by an edit)', () => {
		expect(Object.keys(records).filter((key) => !runnable.some((example) => example.key === key))).toEqual([]);
	});
});

describe('each runnable example prints what its record says', () => {
	for (const example of runnable) {
		test(`${example.key} (content/${example.file}:${example.line})`, async () => {
			const record = records[example.key];
			expect(record, `no recorded output: run npm run examples:record and read what it prints`).toBeDefined();
			expect(record!.hash, 'the code changed since its output was recorded: npm run examples:record').toBe(example.hash);
			const fresh = await runners.run(example);
			expect(compareRun(record!, fresh, example.varies), `content/${example.file}:${example.line} prints something else now`).toEqual([]);
		});
	}
});

describe('what the examples’ comments say they print', () => {
	const claimed = runnable.filter((example) => example.verdict.runtime === 'python' && outputClaims(example.code).length > 0);

	test('is checked for the examples that say it', () => {
		expect(claimed.length).toBeGreaterThan(0);
	});

	for (const example of claimed) {
		test(`${example.key}: every "# Output" and print comment holds`, async () => {
			const { pyodide } = runners;
			const byLine = new Map(await outputByLine(pyodide, example.code));
			// A block claims the whole output, in the order it was written.
			const all = outputText((await runners.run(example)).output);
			const wrong = outputClaims(example.code)
				.filter((claim) => !claimHolds(claim, claim.kind === 'block' ? all : (byLine.get(claim.line) ?? '')))
				.map((claim) => `content/${example.file}:${example.line + claim.line}: says ${JSON.stringify(claim.text)}, prints ${JSON.stringify(claim.kind === 'block' ? all : (byLine.get(claim.line) ?? ''))}`);
			expect(wrong).toEqual([]);
		});
	}
});

describe('a Python run that fails', () => {
	const python = (code: string) => ({ verdict: { runnable: true, runtime: 'python' }, code, hash: '' }) as unknown as (typeof runnable)[number];
	const stderr = (run: Awaited<ReturnType<NodeRunners['run']>>) =>
		run.output.runtime === 'python' ? run.output.chunks.filter((chunk) => chunk.stream === 'stderr').map((chunk) => chunk.text).join('') : '';

	test('a syntax error is Python’s own report, at the reader’s line in "example.py"', async () => {
		const run = await runners.run(python('print("unclosed"'));
		expect(run.failed).toBe(true);
		expect(stderr(run)).toMatch(/^  File "example\.py", line 1\n[\s\S]*SyntaxError: '\(' was never closed\n$/);
	});

	test('failedLine reads the line the error ends at: the raising frame’s, or a syntax error’s', async () => {
		expect(failedLine(stderr(await runners.run(python('def check(n):\n    raise ValueError(n)\n\ncheck(1)'))))).toBe(2);
		expect(failedLine(stderr(await runners.run(python('import json\nx = 1\njson.loads("{")'))))).toBe(3);
		expect(failedLine(stderr(await runners.run(python('x = 1\nprint("unclosed"'))))).toBe(2);
		expect(failedLine('Traceback (most recent call last):\nValueError: no frame\n')).toBeUndefined();
	});

	test('a traceback starts at the reader’s code, not the runner that ran it, and shows each line that failed', async () => {
		const run = await runners.run(python('def check(n):\n    raise ValueError(f"shown {n}")\n\nprint("out")\ncheck(1)'));
		expect(run.failed).toBe(true);
		expect(stderr(run)).toBe(
			'Traceback (most recent call last):\n  File "example.py", line 5, in <module>\n    check(1)\n    ~~~~~^^^\n  File "example.py", line 2, in check\n    raise ValueError(f"shown {n}")\nValueError: shown 1\n',
		);
	});
});

describe('input() in a run', () => {
	const python = (code: string, input?: string[]) => ({ verdict: { runnable: true, runtime: 'python', input }, code, hash: '' }) as unknown as (typeof runnable)[number];
	const text = (run: Awaited<ReturnType<NodeRunners['run']>>) => (run.output.runtime === 'python' ? run.output.chunks.map((chunk) => chunk.text).join('') : '');

	test('reads the lines the fence gives, each echoed after its prompt as a terminal shows it', async () => {
		const run = await runners.run(python('name = input("Name? ")\nage = int(input("Age? "))\nprint(f"{name} is {age + 1} next year")', ['Ada Lovelace', '36']));
		expect(run.failed).toBe(false);
		expect(text(run)).toBe('Name? Ada Lovelace\nAge? 36\nAda Lovelace is 37 next year\n');
	});

	test('past the given lines is the end of input: EOFError at the reader’s line, no frame of the site’s own input()', async () => {
		const run = await runners.run(python('input("first? ")\ninput("second? ")', ['one']));
		expect(run.failed).toBe(true);
		expect(text(run)).toBe('first? one\nsecond? Traceback (most recent call last):\n  File "example.py", line 2, in <module>\n    input("second? ")\n    ~~~~~^^^^^^^^^^^^\nEOFError: EOF when reading a line\n');
	});
});

describe('an SQL run that fails', () => {
	const sql = (code: string) => ({ verdict: { runnable: true, runtime: 'sql' }, code, hash: '' }) as unknown as (typeof runnable)[number];
	const error = (run: Awaited<ReturnType<NodeRunners['run']>>) => (run.output.runtime === 'sql' && run.output.results[0]?.kind === 'error' ? run.output.results[0].message : '');

	test('says the line PostgreSQL points at, as psql does, and failedSqlLine reads it', async () => {
		const run = await runners.run(sql('SELECT 1;\nSELECT * FORM orders;'));
		expect(run.failed).toBe(true);
		expect(error(run)).toBe('syntax error at or near "FORM"\nLINE 2: SELECT * FORM orders;\n                 ^');
		expect(failedSqlLine(`ERROR: ${error(run)}`)).toBe(2);
	});

	test('says no line for an error PostgreSQL gives no place for', async () => {
		const run = await runners.run(sql('SELECT 1;\nSELECT 1 / 0;'));
		expect(error(run)).toBe('division by zero');
		expect(failedSqlLine(error(run))).toBeUndefined();
	});
});

describe('STDLIB_MODULES', () => {
	test('is the runtime’s own list of standard-library modules', async () => {
		expect([...STDLIB_MODULES]).toEqual(await runners.stdlibModules());
	});
});

describe('sqlSession', () => {
	test('starts every run from the sample tables as first made, whatever the run before left', async () => {
		const session = await sqlSession(() => PGlite.create({ parsers: textParsers(Object.keys(types.parsers)) }));
		try {
			const first = await session.run("CREATE TABLE public.scratch (a int); SET search_path = pg_catalog; BEGIN; INSERT INTO sample.orders VALUES (300, 1, 1.00, '2025-01-01', 'open');");
			expect(first.failed).toBe(false);
			const second = await session.run("SELECT count(*) AS n FROM orders; SELECT to_regclass('public.scratch') AS scratch;");
			expect(second).toEqual({
				failed: false,
				results: [
					{ kind: 'rows', columns: ['n'], rows: [['7']] },
					{ kind: 'rows', columns: ['scratch'], rows: [[null]] },
				],
			});
			// Columns of the same name keep their own values (a join's two ids), and 300,000 rows are cut.
			const third = await session.run('SELECT 1 AS a, 2 AS a; SELECT g FROM generate_series(1, 300000) AS g;');
			expect(third.results[0]).toEqual({ kind: 'rows', columns: ['a', 'a'], rows: [['1', '2']] });
			expect(third.results[1]).toMatchObject({ kind: 'rows', totalRows: 300_000 });
			expect((third.results[1] as { rows: unknown[] }).rows).toHaveLength(1000);
		} finally {
			await session.close();
		}
	}, 60_000);
});
