// Which code examples a reader can run in the browser, and what a run prints. Pure: the Markdown
// plugin (build), the recorder and tests (Node) and the page's controls share these rules.
import { STDLIB_MODULES } from './stdlib-modules.ts';

/** The in-browser runtimes: CPython (Pyodide) and PostgreSQL (PGlite). */
export type Runtime = 'python' | 'sql';

/** Fence languages each runtime runs. */
const RUNTIME_OF: Record<string, Runtime> = { python: 'python', py: 'python', sql: 'sql', postgresql: 'sql', postgres: 'sql' };

/** The runtime for a fence's language, or undefined when the language is not run at all (bash, yaml…). */
export const runtimeOf = (lang: string | null | undefined): Runtime | undefined => (lang ? RUNTIME_OF[lang.toLowerCase()] : undefined);

/** Why an example cannot run in the browser; the key a fence's `norun=` names. */
export type NotRunnableReason = 'package' | 'threads' | 'network' | 'server' | 'files' | 'input' | 'fragment';

/** The one-line explanation shown instead of Run, for each reason (`package` names the package). */
export function reasonText(reason: NotRunnableReason, detail?: string): string {
	switch (reason) {
		case 'package':
			return `Runs on your own machine only: it needs ${detail ?? 'a package'}, which is not in Python’s standard library.`;
		case 'threads':
			return 'Runs on your own machine only: it starts threads or processes, which Python in the browser cannot.';
		case 'network':
			return 'Runs on your own machine only: it needs the network, which Python in the browser cannot reach.';
		case 'server':
			return 'Runs on your own machine only: it starts a server.';
		case 'files':
			return 'Runs on your own machine only: it reads or writes files on your disk.';
		case 'input':
			return 'Runs on your own machine only: it waits for keyboard input.';
		case 'fragment':
			return 'An excerpt, not a whole program: it does not run on its own.';
	}
}

export const NOT_RUNNABLE_REASONS: readonly NotRunnableReason[] = ['package', 'threads', 'network', 'server', 'files', 'input', 'fragment'];

/** How packages are spelled in prose, by their import name. */
const PACKAGE_NAMES: Record<string, string> = {
	fastapi: 'FastAPI',
	flask: 'Flask',
	requests: 'requests',
	sqlalchemy: 'SQLAlchemy',
	pydantic: 'Pydantic',
	uvicorn: 'Uvicorn',
	gunicorn: 'Gunicorn',
	starlette: 'Starlette',
	django: 'Django',
	celery: 'Celery',
	redis: 'redis',
	httpx: 'HTTPX',
	aiohttp: 'aiohttp',
	numpy: 'NumPy',
	pandas: 'pandas',
	pytest: 'pytest',
	jwt: 'PyJWT',
	werkzeug: 'Werkzeug',
	trio: 'Trio',
	gevent: 'gevent',
};

/** Standard-library modules that start threads or processes. */
const THREAD_MODULES = new Set(['threading', '_thread', 'multiprocessing', 'concurrent', 'subprocess']);
/** Standard-library modules that open network connections. */
const NETWORK_MODULES = new Set(['socket', 'ssl', 'smtplib', 'ftplib', 'imaplib', 'poplib', 'urllib.request', 'http.client', 'xmlrpc.client']);
/** Standard-library modules that serve requests. */
const SERVER_MODULES = new Set(['http.server', 'socketserver', 'wsgiref.simple_server', 'xmlrpc.server']);

/** A fence's words after the language: flags (`fragment`, `run`, `varies`) and `name=value` attributes (`norun=files`, `input="Ada\n36"`). */
export interface FenceMeta {
	flags: Set<string>;
	attributes: Map<string, string>;
}

/** Reads a fence's meta string (```` ```python norun=files ````); a quoted value may hold spaces. */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
	const flags = new Set<string>();
	const attributes = new Map<string, string>();
	for (const [, name, value, flag] of (meta ?? '').matchAll(/([^\s=]+)=("[^"]*"|'[^']*'|\S*)|(\S+)/g)) {
		if (flag !== undefined) flags.add(flag);
		else attributes.set(name!, value!.replace(/^(["'])(.*)\1$/s, '$2'));
	}
	return { flags, attributes };
}

/** The modules a Python example imports, dotted names as written (`import a.b, c` and `from a.b import c`). */
export function importedModules(code: string): string[] {
	const modules: string[] = [];
	for (const match of code.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([^#\n]+))/gm)) {
		if (match[1]) {
			if (!match[1].startsWith('.')) modules.push(match[1]);
			continue;
		}
		for (const part of match[2]!.replace(/[()\\]/g, '').split(',')) {
			const name = part.trim().split(/\s+/)[0];
			if (name) modules.push(name);
		}
	}
	return modules;
}

/** The verdict on one example: the runtime that runs it, or why it cannot run in the browser. */
export type Verdict =
	| { runnable: true; runtime: Runtime; input?: string[] }
	| { runnable: false; runtime: Runtime; reason: NotRunnableReason; message: string };

/** The error for a fence attribute that makes no sense, naming the attribute. */
export class FenceError extends Error {}

/**
 * Decides whether an example runs in the browser. The fence decides first (`norun=<reason>`,
 * `fragment`, or `run` to overrule the rules); then, for Python, its imports: a module outside the
 * standard library, or one that starts threads or processes, opens connections or serves; then
 * `open(` (files on the reader's disk). An example that calls `input(` runs with the lines its fence
 * gives (`input="Ada\n36"`) when recorded; a reader's Run asks in the page. SQL runs unless the fence says otherwise.
 * Returns undefined for languages no runtime runs.
 */
export function classifyExample(lang: string | null | undefined, meta: string | null | undefined, code: string): Verdict | undefined {
	const runtime = runtimeOf(lang);
	if (!runtime) return undefined;
	const fence = parseFenceMeta(meta);
	const not = (reason: NotRunnableReason, detail?: string): Verdict => ({ runnable: false, runtime, reason, message: reasonText(reason, detail) });
	const norun = fence.attributes.get('norun');
	if (norun !== undefined) {
		if (!(NOT_RUNNABLE_REASONS as readonly string[]).includes(norun)) {
			throw new FenceError(`norun="${norun}" is not a reason (use one of: ${NOT_RUNNABLE_REASONS.join(', ')})`);
		}
		if (fence.flags.has('run')) throw new FenceError('the fence says both run and norun');
		return not(norun as NotRunnableReason, fence.attributes.get('package'));
	}
	if (fence.flags.has('fragment')) return not('fragment');
	// The lines an example's input() calls are given when it is recorded (a reader types their own).
	const given = fence.attributes.get('input');
	const readsInput = runtime === 'python' && /(?<![\w.])input\(/.test(code);
	if (given !== undefined && !readsInput) throw new FenceError('the fence gives input="…" but the example never calls input()');
	const input = given?.split('\\n');
	if (fence.flags.has('run') || runtime === 'sql') return { runnable: true, runtime, ...(input ? { input } : {}) };

	const modules = importedModules(code);
	const external = modules.map((name) => name.split('.')[0]!).find((name) => !STDLIB_MODULES.has(name));
	if (external) return not('package', PACKAGE_NAMES[external.toLowerCase()] ?? external);
	const within = (set: Set<string>) => modules.some((name) => set.has(name) || set.has(name.split('.')[0]!));
	if (within(THREAD_MODULES)) return not('threads');
	if (within(SERVER_MODULES)) return not('server');
	if (within(NETWORK_MODULES)) return not('network');
	// A web app's development server (Flask's app.run) or a socket server's loop.
	if (/\b(?:app|application)\.run\(|\.serve_forever\(/.test(code)) return not('server');
	// A call of the built-in open(), not a method such as webbrowser.open().
	if (/(?<![\w.])open\(/.test(code)) return not('files');
	if (readsInput && !input) {
		throw new FenceError('the example calls input(): give the lines it reads when its output is recorded, input="first line\\nsecond line", or mark it norun=input');
	}
	return { runnable: true, runtime, ...(input ? { input } : {}) };
}

/** Where an example lives: its content file (relative to content/) and its place among the file's runnable-language examples, from 1. */
export const exampleKey = (file: string, index: number) => `${file}#${index}`;

/** What a Python run wrote, in order. */
export interface StreamChunk {
	stream: 'stdout' | 'stderr';
	text: string;
}

/** One statement's result in an SQL run: a result set, a command's tag, or the error that ended the run. */
export type SqlResult =
	| {
			kind: 'rows';
			columns: string[];
			rows: (string | null)[][];
			/** Set when rows were left out (SQL_LIMITS): how many the statement returned. */
			totalRows?: number;
			/** Set when long values were cut (SQL_LIMITS): how many. */
			cutValues?: number;
			/** Set when columns were left out (SQL_LIMITS): how many the statement returned. */
			totalColumns?: number;
	  }
	| { kind: 'command'; tag: string }
	| { kind: 'error'; message: string }
	/** Results past the byte budget, left out of what the page shows. */
	| { kind: 'omitted'; count: number };

/** A run's output: a Python run's streams, or an SQL run's results. */
export type RunOutput = { runtime: 'python'; chunks: StreamChunk[] } | { runtime: 'sql'; results: SqlResult[] };

/** A recorded run, as kept in content/example-outputs.json. */
export interface RecordedRun {
	/** The hash of the code that printed this output (codeHash). */
	hash: string;
	/** True when the run ended in an uncaught error (a traceback, an SQL error). */
	failed: boolean;
	output: RunOutput;
}

/**
 * What one SQL run may send to the page: what a reader can read, not what would freeze or crash the
 * tab (300,000 rows, one 100 MB value, 1,600 empty columns, 20,000 statements). `bytes` is a budget
 * of characters in which every cell, header and result also costs a fixed amount, so that empty
 * values and empty results are not free.
 */
export const SQL_LIMITS = { rows: 1000, columns: 100, valueChars: 2000, bytes: 256 * 1024, results: 100 } as const;
export type SqlLimits = { readonly [Key in keyof typeof SQL_LIMITS]: number };

/** What a cell, a header or a result costs of the budget beyond its characters: what drawing it costs. */
const CELL_COST = 32;
const RESULT_COST = 64;

/**
 * Cuts an SQL run's results to SQL_LIMITS: at most `results` results, `rows` rows and `columns` columns a result, each
 * value at most `valueChars` characters, and all of it within the `bytes` budget; a row that does
 * not fit is left out whole. Results past the limits become one `omitted` entry. A result whose
 * rows were already left out keeps its `totalRows`. The runner cuts what it sends, and the page cuts
 * what it receives again.
 */
export function capSqlResults(results: readonly SqlResult[], limits: SqlLimits = SQL_LIMITS): SqlResult[] {
	const capped: SqlResult[] = [];
	let budget = limits.bytes;
	// A cut text ends with "…" within the limit, so that cutting it again (the page does) changes nothing.
	const cut = (text: string) => (text.length > limits.valueChars ? `${text.slice(0, limits.valueChars - 1)}…` : text);
	const cost = (text: string | null) => CELL_COST + Math.min(text?.length ?? 0, limits.valueChars);
	for (const [index, result] of results.entries()) {
		if (budget < RESULT_COST || index >= limits.results) {
			capped.push({ kind: 'omitted', count: results.length - index });
			break;
		}
		budget -= RESULT_COST;
		if (result.kind === 'error') {
			budget -= cost(result.message);
			capped.push({ kind: 'error', message: cut(result.message) });
			continue;
		}
		if (result.kind === 'command') {
			budget -= cost(result.tag);
			capped.push({ kind: 'command', tag: cut(result.tag) });
			continue;
		}
		if (result.kind !== 'rows') {
			capped.push(result);
			continue;
		}
		const columns = result.columns.slice(0, limits.columns);
		budget -= columns.reduce((sum, column) => sum + cost(column), 0);
		const rows: (string | null)[][] = [];
		let cutValues = result.cutValues ?? 0;
		for (const fullRow of result.rows) {
			if (rows.length >= limits.rows) break;
			const row = fullRow.slice(0, columns.length);
			const rowCost = row.reduce((sum, value) => sum + cost(value), 0);
			if (rowCost > budget) break;
			budget -= rowCost;
			rows.push(
				row.map((value) => {
					if (value === null || value.length <= limits.valueChars) return value;
					cutValues += 1;
					return cut(value);
				}),
			);
		}
		const totalRows = result.totalRows ?? result.rows.length;
		const totalColumns = result.totalColumns ?? result.columns.length;
		capped.push({
			kind: 'rows',
			columns: columns.map(cut),
			rows,
			...(rows.length < totalRows ? { totalRows } : {}),
			...(cutValues > 0 ? { cutValues } : {}),
			...(columns.length < totalColumns ? { totalColumns } : {}),
		});
	}
	return capped;
}

/**
 * An SQL run's results as the page received them, if they have the shape SqlResult says (a runner
 * is trusted with nothing: reader code shares its realm); undefined otherwise.
 */
export function sqlResultsFrom(value: unknown): SqlResult[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const isText = (item: unknown): item is string => typeof item === 'string';
	const isCount = (item: unknown) => Number.isSafeInteger(item) && (item as number) >= 0;
	const valid = value.every((result: unknown) => {
		if (typeof result !== 'object' || result === null) return false;
		const r = result as Record<string, unknown>;
		if (r['kind'] === 'error') return isText(r['message']);
		if (r['kind'] === 'command') return isText(r['tag']);
		if (r['kind'] === 'omitted') return isCount(r['count']);
		if (r['kind'] !== 'rows' || !Array.isArray(r['columns']) || !r['columns'].every(isText) || !Array.isArray(r['rows'])) return false;
		const width = r['columns'].length;
		const rowsValid = r['rows'].every((row: unknown) => Array.isArray(row) && row.length === width && row.every((cell) => cell === null || isText(cell)));
		return rowsValid && ['totalRows', 'cutValues', 'totalColumns'].every((key) => r[key] === undefined || isCount(r[key]));
	});
	return valid ? (value as SqlResult[]) : undefined;
}

/** Joins adjacent chunks of the same stream, so a record does not depend on how writes were split. */
export function mergeChunks(chunks: readonly StreamChunk[]): StreamChunk[] {
	const merged: StreamChunk[] = [];
	for (const chunk of chunks) {
		if (!chunk.text) continue;
		const last = merged.at(-1);
		if (last?.stream === chunk.stream) last.text += chunk.text;
		else merged.push({ ...chunk });
	}
	return merged;
}

/**
 * An output as compared with its record: object addresses (`at 0x7f3a…`), which differ between
 * runs, are masked. Everything else must match exactly; examples whose output depends on the clock
 * carry the `varies` flag and are compared by shape only (see compareRun).
 */
export function normalizeOutput(text: string): string {
	return text.replace(/\b0x[0-9a-f]{6,}\b/g, '0x…');
}

/** An output as plain text (for diffs and the no-JS view of SQL in tests): streams in order, tables as psql-like rows. */
export function outputText(output: RunOutput): string {
	if (output.runtime === 'python') return output.chunks.map((chunk) => chunk.text).join('');
	return output.results
		.map((result) => {
			if (result.kind === 'command') return `${result.tag}\n`;
			if (result.kind === 'error') return `ERROR: ${result.message}\n`;
			if (result.kind === 'omitted') return `(${result.count} more results not shown)\n`;
			const lines = [result.columns.join(' | '), ...result.rows.map((row) => row.map((value) => value ?? 'NULL').join(' | '))];
			return `${lines.join('\n')}\n(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})\n`;
		})
		.join('');
}

/**
 * The differences between a fresh run and its record, as lines for a test failure ([] when they
 * agree). With `varies`, only the failure state and the number of output lines must agree.
 */
export function compareRun(recorded: RecordedRun, fresh: RecordedRun, varies = false): string[] {
	const problems: string[] = [];
	if (recorded.failed !== fresh.failed) problems.push(fresh.failed ? 'the run now ends in an error' : 'the run no longer ends in an error');
	const before = normalizeOutput(outputText(recorded.output)).split('\n');
	const after = normalizeOutput(outputText(fresh.output)).split('\n');
	if (varies) {
		if (before.length !== after.length) problems.push(`output has ${after.length} lines, the record ${before.length}`);
		return problems;
	}
	const length = Math.max(before.length, after.length);
	for (let i = 0; i < length; i++) {
		if (before[i] === after[i]) continue;
		if (before[i] !== undefined) problems.push(`- line ${i + 1}: ${before[i]}`);
		if (after[i] !== undefined) problems.push(`+ line ${i + 1}: ${after[i]}`);
	}
	return problems;
}

/** The most output a page shows from one run; a run that prints more is cut, so a loop of prints cannot swamp the page. */
export const OUTPUT_LIMIT = 64 * 1024;

/** How long a run may take before it is stopped. */
export const TIME_LIMIT_MS = 10_000;

/** What an example's comments say it prints: a `# Output:` block (the whole output), or a comment on one line. */
export type OutputClaim = { kind: 'block'; line: number; text: string } | { kind: 'line'; line: number; text: string };

/**
 * The output claims in a Python example: a `# Output:` comment followed by `# …` lines claims the
 * whole output; `… # Output: X` and `print(…)  # X` claim what that line prints. A comment that
 * names a condition ("1 on a free-threaded build", "False while the GIL is off") describes another
 * setup and is not a claim.
 */
export function outputClaims(code: string): OutputClaim[] {
	const claims: OutputClaim[] = [];
	const lines = code.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (/^\s*#\s*Output:\s*$/.test(line)) {
			const block: string[] = [];
			while (i + 1 < lines.length && /^\s*#/.test(lines[i + 1]!)) block.push(lines[++i]!.replace(/^\s*#\s?/, ''));
			claims.push({ kind: 'block', line: i + 1 - block.length, text: block.join('\n') });
			continue;
		}
		const inline = /^(?!\s*#)(.*\S)\s+#\s*(?:Output:\s*)?(.+)$/.exec(line);
		if (!inline) continue;
		const isPrint = /^\s*print\(/.test(inline[1]!);
		const saysOutput = /#\s*Output:/.test(line);
		if (!isPrint && !saysOutput) continue;
		const text = inline[2]!.trim();
		if (/\s(?:on|while|when|if|unless|with)\s/.test(` ${text} `) && !saysOutput) continue;
		claims.push({ kind: 'line', line: i + 1, text });
	}
	return claims;
}

/**
 * Whether a claim agrees with what was printed: a block must be the whole output; a line's comment
 * must be its output, or start with it before a comma or parenthesis ("99, because …"), or end with
 * "= output" ("3 + 0 = 3").
 */
export function claimHolds(claim: OutputClaim, printed: string): boolean {
	const actual = printed.replace(/\n$/, '');
	if (claim.kind === 'block') return actual === claim.text;
	if (actual.includes('\n') || actual === '') return claim.text === actual;
	return claim.text === actual || claim.text.startsWith(`${actual},`) || claim.text.startsWith(`${actual} (`) || claim.text.endsWith(`= ${actual}`);
}
