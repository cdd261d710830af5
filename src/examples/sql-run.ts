// Runs one SQL example in a fresh PGlite (PostgreSQL in WebAssembly) holding the sample tables: the
// same code in the sandbox's runner and in Node (the recorder and the tests).
import type { PGlite, Results } from '@electric-sql/pglite';
import { capSqlResults, SQL_LIMITS, type SqlResult } from './rules.ts';
import { SAMPLE_DATABASE, SEARCH_PATH } from './sample-database.ts';

/** PGlite's package version (the runtime's path on the site names it). */
export const PGLITE_VERSION = '0.5.16';

/** The PostgreSQL major version PGlite carries (the loading message names it). */
export const POSTGRES_VERSION = '18';

/** The name a runner asks for the data folder by: the sample tables, made by the build (make-sql-database.ts). */
export const SQL_DATABASE = 'sample.tar.gz';

/**
 * Parsers that keep every value as PostgreSQL's text for it (dates as `2025-02-14`, numerics as
 * `650.00`), as psql would show it, rather than JavaScript's Date or number renderings.
 */
export function textParsers(oids: Iterable<string | number>): Record<number, (value: string) => string> {
	const parsers: Record<number, (value: string) => string> = {};
	for (const oid of oids) parsers[Number(oid)] = (value) => value;
	return parsers;
}

/** Fills a fresh database with the sample tables. */
export async function prepareDatabase(db: PGlite): Promise<void> {
	await db.exec(SAMPLE_DATABASE);
}

/**
 * A statement's result as the page shows it: a table for a result set (its first `maxRows` rows,
 * with the count it had when more), else the command's tag.
 */
function toResult(result: Results, maxRows: number): SqlResult {
	if (result.fields.length > 0) {
		const columns = result.fields.map((field) => field.name);
		// Rows as arrays, not objects: a join's two `id` columns are two values, not one name.
		const all = result.rows as unknown as unknown[][];
		const rows = all.slice(0, maxRows).map((row) => row.map((value) => (value == null ? null : String(value))));
		return { kind: 'rows', columns, rows, ...(all.length > maxRows ? { totalRows: all.length } : {}) };
	}
	// PGlite's own per-statement fields: affectedRows is a running total across statements, rowCount is this one's.
	const command = (result as Results & { command?: string }).command ?? 'OK';
	const counted = /^(INSERT|UPDATE|DELETE|MERGE|COPY)$/i.test(command);
	return { kind: 'command', tag: counted ? `${command} ${(result as Results & { rowCount?: number }).rowCount ?? 0}` : command };
}

/**
 * Runs an example's statements; returns each statement's result, or the error that ended the run,
 * cut to SQL_LIMITS (what the page can show without freezing; the recorded examples are far below).
 */
export async function runSql(db: PGlite, code: string): Promise<{ results: SqlResult[]; failed: boolean }> {
	try {
		const results = await db.exec(code, { rowMode: 'array' });
		return { results: capSqlResults(results.map((result) => toResult(result, SQL_LIMITS.rows))), failed: false };
	} catch (error) {
		const message = error instanceof Error ? errorText(error.message, code, (error as Error & { position?: unknown }).position) : String(error);
		return { results: capSqlResults([{ kind: 'error', message }]), failed: true };
	}
}

/**
 * PostgreSQL's error message, with the line it points at as psql shows it, when it gives a position
 * (a syntax error, an unknown column or table; not a division by zero): `LINE 2: SELECT * FORM t;`
 * and a caret under the place. The position counts characters of the whole example, from 1.
 */
export function errorText(message: string, code: string, position: unknown): string {
	const characters = Array.from(code);
	const at = Number(position) - 1;
	if (!Number.isSafeInteger(at) || at < 0 || at >= characters.length) return message;
	const before = characters.slice(0, at).join('');
	const start = before.lastIndexOf('\n') + 1;
	const end = code.indexOf('\n', before.length);
	const label = `LINE ${before.split('\n').length}: `;
	const column = Array.from(before.slice(start)).length;
	return `${message}\n${label}${code.slice(start, end === -1 ? undefined : end)}\n${' '.repeat(label.length + column)}^`;
}

/** The line of the example an SQL error points at, from its text as errorText writes it. */
export function failedSqlLine(text: string): number | undefined {
	const line = /^LINE (\d+): /m.exec(text)?.[1];
	return line === undefined ? undefined : Number(line);
}

/** Runs examples each against the sample tables as they were first made. */
export interface SqlSession {
	run(code: string): Promise<{ results: SqlResult[]; failed: boolean }>;
	close(): Promise<void>;
}

/**
 * Puts a database back as a fresh one holding the sample tables: an open transaction rolled back,
 * session state (settings, temporary tables, prepared statements) discarded, the reader's schema
 * and the sample schema dropped and made again. Separate statements: DISCARD ALL cannot run in the
 * transaction a multi-statement string makes.
 */
export async function resetDatabase(db: PGlite): Promise<void> {
	await db.exec('ROLLBACK');
	await db.exec('DISCARD ALL');
	await db.exec('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS sample CASCADE; CREATE SCHEMA public;');
	await prepareDatabase(db);
	await db.exec(SEARCH_PATH);
}

/**
 * A session over one database: after each run it is reset (resetDatabase) while the reader reads,
 * so every run starts from the same state, and a run after the first starts at once. One PostgreSQL
 * instance, not a copy per run: each copy would hold its own hundreds of MB of WebAssembly memory.
 */
export async function sqlSession(create: () => Promise<PGlite>): Promise<SqlSession> {
	const db = await create();
	let ready = resetDatabase(db);
	return {
		async run(code) {
			await ready;
			try {
				return await runSql(db, code);
			} finally {
				ready = resetDatabase(db);
			}
		},
		async close() {
			await ready;
			await db.close();
		},
	};
}
