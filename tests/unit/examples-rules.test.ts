import { describe, expect, test } from 'vitest';
import { examplesOf } from '../../src/examples/collect.ts';
import {
	capSqlResults,
	sqlResultsFrom,
	claimHolds,
	classifyExample,
	compareRun,
	FenceError,
	importedModules,
	mergeChunks,
	normalizeOutput,
	outputClaims,
	outputText,
	parseFenceMeta,
	type RecordedRun,
} from '../../src/examples/rules.ts';

describe('classifyExample', () => {
	test('returns undefined for languages no runtime runs', () => {
		expect(classifyExample('bash', '', 'ls')).toBeUndefined();
		expect(classifyExample(undefined, '', 'x')).toBeUndefined();
	});

	test('runs Python that imports only the standard library', () => {
		expect(classifyExample('python', '', 'import copy\nfrom functools import singledispatch\nprint(1)')).toEqual({ runnable: true, runtime: 'python' });
	});

	test('names a package outside the standard library', () => {
		const verdict = classifyExample('python', '', 'from fastapi import FastAPI\napp = FastAPI()');
		expect(verdict).toMatchObject({ runnable: false, reason: 'package' });
		expect(verdict && !verdict.runnable && verdict.message).toContain('FastAPI');
		expect(classifyExample('python', '', 'import requests')).toMatchObject({ reason: 'package', message: expect.stringContaining('requests') });
	});

	test('refuses threads, processes, network, servers, files and input', () => {
		expect(classifyExample('python', '', 'import threading')).toMatchObject({ reason: 'threads' });
		expect(classifyExample('python', '', 'from concurrent.futures import ThreadPoolExecutor')).toMatchObject({ reason: 'threads' });
		expect(classifyExample('python', '', 'import multiprocessing as mp')).toMatchObject({ reason: 'threads' });
		expect(classifyExample('python', '', 'import urllib.request')).toMatchObject({ reason: 'network' });
		expect(classifyExample('python', '', 'from http.server import HTTPServer')).toMatchObject({ reason: 'server' });
		expect(classifyExample('python', '', "app.run(ssl_context=('cert.pem', 'key.pem'))")).toMatchObject({ reason: 'server' });
		expect(classifyExample('python', '', "with open('a.txt') as f:\n    pass")).toMatchObject({ reason: 'files' });
		expect(classifyExample('python', 'norun=input', "name = input('Name? ')")).toMatchObject({ reason: 'input' });
	});

	test('runs an example that calls input() with the lines its fence gives, and refuses one that gives none', () => {
		expect(classifyExample('python', 'input="Ada Lovelace\\n36"', "name = input('Name? ')")).toEqual({ runnable: true, runtime: 'python', input: ['Ada Lovelace', '36'] });
		expect(() => classifyExample('python', '', "name = input('Name? ')")).toThrow(/calls input\(\): give the lines it reads .*input="first line\\nsecond line", or mark it norun=input/);
		expect(() => classifyExample('python', 'input="x"', 'print(1)')).toThrow(/input="…" but the example never calls input\(\)/);
	});

	test('does not take a method called open or input for the built-ins', () => {
		expect(classifyExample('python', '', 'import webbrowser\nwebbrowser.open("x")')).toMatchObject({ runnable: true });
	});

	test('lets the fence decide: norun=<reason>, fragment, or run to overrule the rules', () => {
		expect(classifyExample('python', 'norun=network', 'print(1)')).toMatchObject({ runnable: false, reason: 'network' });
		expect(classifyExample('sql', 'norun=server', 'SELECT 1')).toMatchObject({ runnable: false, reason: 'server' });
		expect(classifyExample('python', 'fragment', 'x')).toMatchObject({ runnable: false, reason: 'fragment' });
		expect(classifyExample('python', 'run', 'import threading\nlock = threading.Lock()')).toEqual({ runnable: true, runtime: 'python' });
	});

	test('throws on a norun= value that is not a reason, and on run with norun', () => {
		expect(() => classifyExample('python', 'norun=slow', '')).toThrow(FenceError);
		expect(() => classifyExample('python', 'norun=slow', '')).toThrow('norun="slow" is not a reason');
		expect(() => classifyExample('python', 'run norun=files', '')).toThrow('both run and norun');
	});

	test('runs every SQL example', () => {
		expect(classifyExample('sql', '', 'SELECT 1;')).toEqual({ runnable: true, runtime: 'sql' });
	});
});

describe('importedModules', () => {
	test('returns the modules of import and from-import statements, dotted names kept', () => {
		expect(importedModules('import os, sys as system\nfrom a.b import c\n  import json  # why\nfrom . import sibling')).toEqual(['os', 'sys', 'a.b', 'json']);
	});
});

describe('parseFenceMeta', () => {
	test('returns flags and name=value attributes', () => {
		const meta = parseFenceMeta('varies norun="files" run');
		expect([...meta.flags]).toEqual(['varies', 'run']);
		expect(meta.attributes.get('norun')).toBe('files');
	});

	test('keeps the spaces of a quoted value', () => {
		const meta = parseFenceMeta(`input="Ada Lovelace\\n36" varies title='a b'`);
		expect(meta.attributes.get('input')).toBe('Ada Lovelace\\n36');
		expect(meta.attributes.get('title')).toBe('a b');
		expect([...meta.flags]).toEqual(['varies']);
	});
});

describe('examplesOf', () => {
	test('numbers a file’s Python and SQL examples in order, with their lines and hashes', () => {
		const body = 'Text.\n\n```bash\nls\n```\n\n```python\nprint(1)\n```\n\n:::editor-note[A note]\n```sql\nSELECT 1;\n```\n:::\n';
		const examples = examplesOf('questions/q.md', body, 6);
		expect(examples.map((example) => [example.key, example.line, example.verdict.runtime])).toEqual([
			['questions/q.md#1', 13, 'python'],
			['questions/q.md#2', 18, 'sql'],
		]);
		expect(examples[0]!.hash).toMatch(/^sha256-[0-9a-f]{16}$/);
		expect(examples[0]!.hash).not.toBe(examplesOf('q.md', '```python\nprint(2)\n```')[0]!.hash);
		// The lines given to input() are part of what printed the output.
		const asking = (given: string) => examplesOf('q.md', `\`\`\`python input="${given}"\nprint(input())\n\`\`\``)[0]!.hash;
		expect(asking('a')).not.toBe(asking('b'));
	});
});

describe('mergeChunks', () => {
	test('joins adjacent writes to the same stream and drops empty ones', () => {
		expect(mergeChunks([{ stream: 'stdout', text: 'a' }, { stream: 'stdout', text: 'b' }, { stream: 'stderr', text: '' }, { stream: 'stderr', text: 'c' }])).toEqual([
			{ stream: 'stdout', text: 'ab' },
			{ stream: 'stderr', text: 'c' },
		]);
	});
});

const python = (text: string, failed = false): RecordedRun => ({ hash: 'h', failed, output: { runtime: 'python', chunks: [{ stream: 'stdout', text }] } });

describe('compareRun', () => {
	test('returns no difference for the same output, addresses masked', () => {
		expect(compareRun(python('<A object at 0x7f3a12345678>\n'), python('<A object at 0x7f3b87654321>\n'))).toEqual([]);
	});

	test('returns the changed lines, numbered', () => {
		expect(compareRun(python('1\n2\n'), python('1\n3\n'))).toEqual(['- line 2: 2', '+ line 2: 3']);
	});

	test('says when a run starts or stops ending in an error', () => {
		expect(compareRun(python('x'), python('x', true))).toEqual(['the run now ends in an error']);
	});

	test('compares only the shape of an output that varies', () => {
		expect(compareRun(python('took 0.1 s\n'), python('took 0.2 s\n'), true)).toEqual([]);
		expect(compareRun(python('a\n'), python('a\nb\n'), true)).toEqual(['output has 3 lines, the record 2']);
	});
});

describe('normalizeOutput', () => {
	test('masks object addresses only', () => {
		expect(normalizeOutput('at 0x7f0012ab34 and 0x1f')).toBe('at 0x… and 0x1f');
	});
});

describe('outputText', () => {
	test('writes SQL results as rows, tags and errors', () => {
		expect(
			outputText({
				runtime: 'sql',
				results: [
					{ kind: 'rows', columns: ['a', 'b'], rows: [['1', null]] },
					{ kind: 'command', tag: 'UPDATE 1' },
					{ kind: 'error', message: 'boom' },
				],
			}),
		).toBe('a | b\n1 | NULL\n(1 row)\nUPDATE 1\nERROR: boom\n');
	});
});

describe('outputClaims and claimHolds', () => {
	test('reads an Output block, inline Output comments and comments on print lines', () => {
		const code = 'obj.show()  # Output: 10\nprint(x)  # 99, because of y\nprint(z)  # 1 on a free-threaded build\n# Output:\n# a\n# b';
		expect(outputClaims(code)).toEqual([
			{ kind: 'line', line: 1, text: '10' },
			{ kind: 'line', line: 2, text: '99, because of y' },
			{ kind: 'block', line: 4, text: 'a\nb' },
		]);
	});

	test('holds when the comment is the output, starts with it, or ends with "= output"', () => {
		expect(claimHolds({ kind: 'line', line: 1, text: '99, because of y' }, '99\n')).toBe(true);
		expect(claimHolds({ kind: 'line', line: 1, text: '3 + 4 = 7' }, '7\n')).toBe(true);
		expect(claimHolds({ kind: 'line', line: 1, text: "{'a': 1}" }, "{'a': 1}\n")).toBe(true);
		expect(claimHolds({ kind: 'line', line: 1, text: '99' }, '1\n')).toBe(false);
		expect(claimHolds({ kind: 'block', line: 1, text: 'a\nb' }, 'a\nb\n')).toBe(true);
		expect(claimHolds({ kind: 'block', line: 1, text: 'a\nb' }, 'a\n')).toBe(false);
	});
});

describe('capSqlResults', () => {
	// Costs: 64 a result, 32 a cell or header plus its characters (at most valueChars of them).
	const limits = { rows: 2, columns: 30, valueChars: 5, bytes: 2000, results: 3 };
	test('keeps the first rows of a long result and says how many it had', () => {
		const capped = capSqlResults([{ kind: 'rows', columns: ['n'], rows: [['1'], ['2'], ['3']] }], limits);
		expect(capped).toEqual([{ kind: 'rows', columns: ['n'], rows: [['1'], ['2']], totalRows: 3 }]);
	});
	test('cuts a long value and counts it, and keeps nulls', () => {
		const capped = capSqlResults([{ kind: 'rows', columns: ['a', 'b'], rows: [['x'.repeat(100), null]] }], limits);
		expect(capped).toEqual([{ kind: 'rows', columns: ['a', 'b'], rows: [['xxxx…', null]], cutValues: 1 }]);
		// Cut again, as the page does with what it receives: the same.
		expect(capSqlResults(capped, limits)).toEqual(capped);
	});
	test('a result whose rows were already left out keeps its count', () => {
		const capped = capSqlResults([{ kind: 'rows', columns: ['n'], rows: [['1']], totalRows: 300_000 }], limits);
		expect(capped).toEqual([{ kind: 'rows', columns: ['n'], rows: [['1']], totalRows: 300_000 }]);
	});
	test('empty values and empty columns cost their cells: a wide table of nulls is cut to whole rows', () => {
		const columns = Array.from({ length: 20 }, (_, i) => `c${i}`);
		const row = columns.map(() => null);
		const headers = columns.reduce((sum, column) => sum + 32 + column.length, 0);
		const capped = capSqlResults([{ kind: 'rows', columns, rows: [row, row] }], { ...limits, bytes: 64 + headers + 20 * 32 + 10 });
		expect(capped).toEqual([{ kind: 'rows', columns, rows: [row], totalRows: 2 }]);
	});
	test('keeps the first columns of a very wide result and says how many it had', () => {
		const capped = capSqlResults([{ kind: 'rows', columns: ['a', 'b', 'c'], rows: [['1', '2', '3']] }], { ...limits, columns: 2 });
		expect(capped).toEqual([{ kind: 'rows', columns: ['a', 'b'], rows: [['1', '2']], totalColumns: 3 }]);
	});
	test('past the budget or the count of results, the rest are one omitted entry; empty results cost too', () => {
		const empty = { kind: 'rows' as const, columns: [], rows: [] };
		expect(capSqlResults(Array.from({ length: 10 }, () => empty), limits).at(-1)).toEqual({ kind: 'omitted', count: 7 });
		expect(capSqlResults(Array.from({ length: 10 }, () => empty), { ...limits, results: 100, bytes: 200 }).at(-1)).toEqual({ kind: 'omitted', count: 7 });
	});
	test('cuts a long command tag or error message', () => {
		expect(capSqlResults([{ kind: 'command', tag: 'INSERT 0 1' }, { kind: 'error', message: 'bad' }], limits)).toEqual([
			{ kind: 'command', tag: 'INSE…' },
			{ kind: 'error', message: 'bad' },
		]);
		expect(capSqlResults([{ kind: 'error', message: 'x'.repeat(50) }], limits)).toEqual([{ kind: 'error', message: 'xxxx…' }]);
	});
});

describe('sqlResultsFrom', () => {
	test('takes results of the protocol’s shape', () => {
		const results = [
			{ kind: 'rows', columns: ['a', 'b'], rows: [['1', null]], totalRows: 5 },
			{ kind: 'command', tag: 'INSERT 0 1' },
			{ kind: 'error', message: 'bad' },
			{ kind: 'omitted', count: 2 },
		];
		expect(sqlResultsFrom(results)).toEqual(results);
	});
	test.each([
		['not an array', { kind: 'command', tag: 'x' }],
		['an unknown kind', [{ kind: 'html', html: '<b>' }]],
		['a value that is not text', [{ kind: 'rows', columns: ['a'], rows: [[1]] }]],
		['a row wider than its columns', [{ kind: 'rows', columns: ['a'], rows: [['1', '2']] }]],
		['text that is an object', [{ kind: 'error', message: { length: 1 } }]],
		['a negative count', [{ kind: 'omitted', count: -1 }]],
	])('refuses %s', (_, value) => {
		expect(sqlResultsFrom(value)).toBeUndefined();
	});
});
