// The editor's notes make claims a reader will trust: "this query leaves out…", "this prints…".
// Where a note's example can run in-process, this file runs the example as the note prints it
// (read from content/, not copied here) and asserts what the note says it shows: the SQL on
// PGlite (PostgreSQL 18 in WebAssembly), the Python on Pyodide (CPython 3.14 in WebAssembly,
// standard library only, no threads). Neither needs a database server or a system Python.
import { PGlite } from '@electric-sql/pglite';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findEditorNotes } from '../../src/markdown/editor-notes.ts';
import { readContent } from '../helpers/content.ts';
import { findExamples } from '../helpers/examples.ts';

const { questions } = readContent();
// Starting PostgreSQL or CPython in WebAssembly takes seconds, more while other test files run.
const STARTUP = 60_000;

/** The code blocks in `lang` of the note on question `number` whose title matches `title`. */
function noteCode(number: number, title: RegExp, lang: string): string[] {
	const question = questions.find((q) => q.number === number);
	if (!question) throw new Error(`no question ${number} in content/`);
	const note = findEditorNotes(question.body).find((n) => title.test(n.title));
	if (!note) throw new Error(`${question.file}: no editor's note titled ${title}`);
	const blocks = findExamples(question.file, note.source).filter((example) => example.lang === lang);
	if (blocks.length === 0) throw new Error(`${question.file}: the note "${note.title}" has no ${lang} example`);
	return blocks.map((block) => block.code);
}

/** The statements of a SQL script (the notes' scripts hold no `;` inside a statement). */
const statements = (sql: string) =>
	sql
		.split(/;\s*$/m)
		.map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
		.filter(Boolean);

/** The text of a plan from `EXPLAIN`. */
async function plan(db: PGlite, sql: string): Promise<string> {
	const { rows } = await db.query<{ 'QUERY PLAN': string }>(sql);
	return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('the SQL in the notes, run on PostgreSQL (PGlite)', () => {
	let db: PGlite;
	beforeAll(async () => {
		db = await PGlite.create();
	}, STARTUP);
	afterAll(async () => {
		await db.close();
	});

	describe('question 51: INNER JOIN and LEFT JOIN', () => {
		const [sql] = noteCode(51, /same query with each join/, 'sql');
		const [inner, left, never, paidOnly] = statements(sql!);
		const names = async (query: string) => (await db.query<{ name: string; order_id: number | null }>(query)).rows;

		beforeAll(async () => {
			await db.exec(`
				CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
				CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers, status text NOT NULL);
				INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian'), (3, 'Chen');
				-- Ada has a paid and an open order, Brian only an open one, Chen none.
				INSERT INTO orders VALUES (10, 1, 'paid'), (11, 1, 'open'), (20, 2, 'open');
			`);
		}, STARTUP);
		afterAll(async () => {
			await db.exec('DROP TABLE orders; DROP TABLE customers;');
		});

		test('the note has the four queries it describes', () => {
			expect([inner, left, never, paidOnly].every(Boolean)).toBe(true);
		});

		test('INNER JOIN leaves out the customer without orders; LEFT JOIN keeps him with a NULL order', async () => {
			expect(new Set((await names(inner!)).map((row) => row.name))).toEqual(new Set(['Ada', 'Brian']));
			const all = await names(left!);
			expect(new Set(all.map((row) => row.name))).toEqual(new Set(['Ada', 'Brian', 'Chen']));
			expect(all.find((row) => row.name === 'Chen')!.order_id).toBeNull();
		});

		test('WHERE o.id IS NULL keeps exactly the unmatched rows', async () => {
			expect((await names(never!)).map((row) => row.name)).toEqual(['Chen']);
		});

		test('the condition in ON keeps every customer; moved to WHERE, the query returns what INNER JOIN would', async () => {
			const inOn = await names(paidOnly!);
			expect(new Set(inOn.map((row) => row.name))).toEqual(new Set(['Ada', 'Brian', 'Chen']));
			expect(inOn.filter((row) => row.order_id !== null).map((row) => row.order_id)).toEqual([10]);

			const condition = "AND o.status = 'paid'";
			expect(paidOnly).toContain(condition);
			const inWhere = await names(`${paidOnly!.replace(condition, '')} WHERE o.status = 'paid' ORDER BY 1, 2`);
			const innerJoin = await names(`${paidOnly!.replace('LEFT JOIN', 'INNER JOIN')} ORDER BY 1, 2`);
			expect(inWhere).toEqual(innerJoin);
			expect(inWhere.map((row) => row.name)).toEqual(['Ada']);
		});
	});

	describe('question 52: an index shaped like the query', () => {
		const [sql] = noteCode(52, /index shaped like the query/, 'sql');
		const [createIndex, query, createUnique] = statements(sql!);

		beforeAll(async () => {
			// 20,000 orders of 5 customers, one a minute.
			await db.exec(`
				CREATE TABLE orders (id serial PRIMARY KEY, customer_id integer NOT NULL, created_at timestamptz NOT NULL, total numeric NOT NULL);
				INSERT INTO orders (customer_id, created_at, total)
					SELECT n % 5, timestamptz '2025-01-01' + n * interval '1 minute', n % 100 FROM generate_series(1, 20000) AS n;
				CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);
			`);
			await db.exec(createIndex!);
			await db.exec('ANALYZE orders');
		}, STARTUP);
		afterAll(async () => {
			await db.exec('DROP TABLE orders; DROP TABLE users;');
		});

		test('the filter on customer_id, sorted by date, reads the index in order: no sort step', async () => {
			const text = await plan(db, `EXPLAIN ${query}`);
			expect(text).toMatch(/Index Scan Backward using idx_orders_customer_created/);
			expect(text).toMatch(/Index Cond: \(customer_id = 42\)/);
			expect(text).not.toMatch(/Sort/);
		});

		test('PostgreSQL 18 can skip scan the index for created_at alone when there are few customers', async () => {
			const text = await plan(db, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) SELECT id FROM orders WHERE created_at = timestamptz '2025-01-10'");
			expect(text).toMatch(/Index Scan using idx_orders_customer_created/);
			// One search per distinct customer_id (plus the probes between them), not one.
			expect(Number(/Index Searches: (\d+)/.exec(text)?.[1])).toBeGreaterThan(1);
		});

		test('with a customer_id per order, the filter on created_at alone does not use the index efficiently', async () => {
			await db.exec('UPDATE orders SET customer_id = id; ANALYZE orders');
			const text = await plan(db, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) SELECT id FROM orders WHERE created_at = timestamptz '2025-01-10'");
			// Either it reads the whole table, or the skip scan needs about one search per order.
			const searches = Number(/Index Searches: (\d+)/.exec(text)?.[1] ?? 0);
			expect(/Seq Scan on orders/.test(text) || searches > 10_000, text).toBe(true);
		});

		test('the unique index refuses a second user with the same email', async () => {
			await db.exec(createUnique!);
			await db.query("INSERT INTO users (email) VALUES ('ada@example.com')");
			await expect(db.query("INSERT INTO users (email) VALUES ('ada@example.com')")).rejects.toThrow(/idx_users_email/);
		});
	});

	describe('question 55: a transfer as one transaction', () => {
		const [sql] = noteCode(55, /whole or not at all/, 'sql');
		const [createTable, fill, ...transfer] = statements(sql!);
		const balances = async () => (await db.query<{ id: number; balance: string }>('SELECT id, balance FROM accounts ORDER BY id')).rows.map((row) => [row.id, Number(row.balance)]);

		beforeAll(async () => {
			await db.exec(createTable!);
		}, STARTUP);
		afterAll(async () => {
			await db.exec('DROP TABLE accounts');
		});

		test('the script makes and fills the table, then is BEGIN, two updates, COMMIT', () => {
			expect([createTable, fill, ...transfer].map((statement) => statement!.split(' ')[0])).toEqual(['CREATE', 'INSERT', 'BEGIN', 'UPDATE', 'UPDATE', 'COMMIT']);
		});

		test('moves the money when both accounts exist and the balance suffices', async () => {
			await db.exec('DELETE FROM accounts; INSERT INTO accounts VALUES (1, 500), (2, 0)');
			for (const statement of transfer) await db.query(statement);
			expect(await balances()).toEqual([[1, 400], [2, 100]]);
		});

		test('when the CHECK refuses the debit, PostgreSQL refuses the rest and COMMIT rolls back both updates', async () => {
			await db.exec('DELETE FROM accounts; INSERT INTO accounts VALUES (1, 50), (2, 0)');
			const [begin, debit, credit, commit] = transfer;
			await db.query(begin!);
			await expect(db.query(debit!)).rejects.toThrow(/accounts_balance_check/);
			await expect(db.query(credit!)).rejects.toThrow(/current transaction is aborted/);
			await db.query(commit!);
			expect(await balances()).toEqual([[1, 50], [2, 0]]);
		});

		test('an UPDATE of a missing account is no error: it updates 0 rows, the transfer commits and the money is gone', async () => {
			await db.exec('DELETE FROM accounts; INSERT INTO accounts VALUES (1, 500), (2, 0)');
			const toMissing = transfer.map((statement) => statement.replace('WHERE id = 2', 'WHERE id = 3'));
			expect(toMissing).not.toEqual(transfer);
			const affected: number[] = [];
			for (const statement of toMissing) affected.push((await db.query(statement)).affectedRows ?? 0);
			expect(affected.slice(1, 3)).toEqual([1, 0]);
			expect(await balances()).toEqual([[1, 400], [2, 0]]);
		});
	});

	describe('question 57: WHERE before grouping, HAVING after', () => {
		const [query] = noteCode(57, /WHERE.*before grouping/, 'sql');

		test('sums only the 2025 orders, and keeps only the customers above 1000', async () => {
			await db.exec(`
				CREATE TABLE orders (id serial PRIMARY KEY, customer_id integer NOT NULL, created_at date NOT NULL, total numeric NOT NULL);
				INSERT INTO orders (customer_id, created_at, total) VALUES
					(1, '2025-03-01', 800), (1, '2025-11-30', 300),  -- 1100 in 2025
					(2, '2025-06-01', 900), (2, '2024-12-31', 900),  -- 900 in 2025: the 2024 order does not count
					(3, '2026-01-01', 5000);                         -- nothing in 2025
			`);
			const { rows } = await db.query<{ customer_id: number; spent: string }>(query!);
			expect(rows.map((row) => [row.customer_id, Number(row.spent)])).toEqual([[1, 1100]]);
			await db.exec('DROP TABLE orders');
		});
	});
});

describe('the Python in the notes, run on CPython 3.14 (Pyodide)', () => {
	let pyodide: PyodideInterface;
	beforeAll(async () => {
		pyodide = await loadPyodide();
	}, STARTUP);

	/** Runs `code` as a script named note.py in a fresh namespace; returns what it printed and the namespace. */
	function run(code: string): { stdout: string; namespace: { get(name: string): unknown; destroy(): void } } {
		const namespace = pyodide.globals.get('dict')();
		namespace.set('__name__', '__main__');
		pyodide.globals.set('_note_code', code);
		pyodide.globals.set('_note_namespace', namespace);
		const stdout = pyodide.runPython(`
import contextlib, io
_out = io.StringIO()
with contextlib.redirect_stdout(_out):
    exec(compile(_note_code, "note.py", "exec"), _note_namespace)
_out.getvalue()
`) as string;
		return { stdout, namespace };
	}
	const lines = (text: string) => text.trimEnd().split('\n');

	test('question 1: the comma makes a tuple, and a list inside a tuple can still change', () => {
		const [code] = noteCode(1, /comma makes a tuple/, 'python');
		expect(lines(run(code!).stdout)).toEqual([`['tuple', 'tuple', 'int', 'tuple']`, `([1, 2, 3], 'a')`]);
	});

	test('question 9: the !r repr survives a quote, and eval() gives the object back', () => {
		const [code] = noteCode(9, /!r/, 'python');
		expect(lines(run(code!).stdout)).toEqual([`Person("O'Brien")`, "O'Brien", `Person("O'Brien")`]);
		// The guide's own repr, with quotes put in by hand, is not valid Python for that name.
		const guides = code!.replace('f"Person({self.name!r})"', `f"Person('{self.name}')"`);
		expect(guides).not.toBe(code);
		expect(() => run(guides)).toThrow(/SyntaxError/);
	});

	test('question 11: with functools.wraps the function keeps its name, docstring and signature; without, it does not', () => {
		const [code] = noteCode(11, /functools\.wraps/, 'python');
		expect(lines(run(code!).stdout)).toEqual([
			'say_hello',
			'Greet someone.',
			"(name: str = 'world')",
		]);
		const withoutWraps = code!.replace('    @functools.wraps(func)\n', '');
		expect(withoutWraps).not.toBe(code);
		expect(lines(run(withoutWraps).stdout)).toEqual(['wrapper', 'None', '(*args, **kwargs)']);
	});

	test('question 15: singledispatch picks the implementation by the argument type', () => {
		const [code] = noteCode(15, /dispatch on type/, 'python');
		expect(lines(run(code!).stdout)).toEqual(['an integer: 3', 'a list of 2 items']);
	});

	test('question 55: the checked transfer refuses a missing account and leaves both balances as they were', () => {
		const [code] = noteCode(55, /whole or not at all/, 'python');
		const { stdout, namespace } = run(code!);
		expect(lines(stdout)).toEqual(['no account 3', '[(1, 500), (2, 0)]']);
		pyodide.globals.set('_note_namespace', namespace);
		// The same function moves money between accounts that exist, and the CHECK refuses an overdraft whole.
		expect(
			pyodide.runPython(`
_ns = _note_namespace
_ns["transfer"](_ns["conn"], 1, 2, 100)
_moved = _ns["conn"].execute("SELECT id, balance FROM accounts").fetchall()
try:
    _ns["transfer"](_ns["conn"], 1, 2, 1000)
    _refused = None
except Exception as error:
    _refused = type(error).__name__
repr((_moved, _refused, _ns["conn"].execute("SELECT id, balance FROM accounts").fetchall()))
`),
		).toBe("([(1, 400), (2, 100)], 'IntegrityError', [(1, 400), (2, 100)])");
		namespace.destroy();
	});

	test('question 97: tracemalloc names the line that holds the new memory', () => {
		const [code] = noteCode(97, /tracemalloc/, 'python');
		const { stdout } = run(code!);
		const suspect = code!.split('\n').findIndex((line) => line.includes('# the suspect')) + 1;
		const [top] = lines(stdout);
		expect(top).toMatch(new RegExp(`^note\\.py:${suspect}: size=\\d+ KiB \\(\\+\\d+ KiB\\), count=10001 \\(\\+10001\\)`));
		expect(Number(/size=(\d+) KiB/.exec(top!)?.[1])).toBeGreaterThan(1000);
	});
});
