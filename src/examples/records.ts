// The recorded outputs of the runnable examples: content/example-outputs.json, keyed by content
// file and example number, each with the hash of the code that printed it. Build-time and Node only.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedRun } from './rules.ts';

/** The records' file name, inside the content folder. */
export const RECORDS_FILE = 'example-outputs.json';

/**
 * The hash a record keeps of its example's code and, for one that calls input(), the lines its fence
 * gives it: any edit to either gives another.
 */
export const codeHash = (code: string, input?: readonly string[]) =>
	`sha256-${createHash('sha256').update(input ? `${code}\0input\0${input.join('\n')}` : code).digest('hex').slice(0, 16)}`;

export type Records = Record<string, RecordedRun>;

/**
 * A file of entries by example key in a content folder ({} when there is none yet); malformed JSON
 * fails naming the file and `remedy`. The recorded outputs and the prediction cards are such files.
 */
export function readKeyed<T>(contentDir: string, file: string, remedy: string): Record<string, T> {
	const path = join(contentDir, file);
	if (!existsSync(path)) return {};
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Record<string, T>;
	} catch (error) {
		throw new Error(`${path}: not valid JSON (${(error as Error).message}); ${remedy}`, { cause: error });
	}
}

/** Writes such a file sorted by key, one example per entry, so that a new recording's diff shows just what changed. */
export function writeKeyed(contentDir: string, file: string, entries: Record<string, unknown>): void {
	const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b, 'en')));
	writeFileSync(join(contentDir, file), `${JSON.stringify(sorted, null, '\t')}\n`);
}

/** The records of a content folder ({} when it has none yet). */
export const readRecords = (contentDir: string): Records => readKeyed(contentDir, RECORDS_FILE, 're-record with npm run examples:record');

/** Writes records sorted by key. */
export const writeRecords = (contentDir: string, records: Records): void => writeKeyed(contentDir, RECORDS_FILE, records);
