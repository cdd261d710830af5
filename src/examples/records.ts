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

/** The records of a content folder ({} when it has none yet); malformed JSON fails naming the file. */
export function readRecords(contentDir: string): Records {
	const path = join(contentDir, RECORDS_FILE);
	if (!existsSync(path)) return {};
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Records;
	} catch (error) {
		throw new Error(`${path}: not valid JSON (${(error as Error).message}); re-record with npm run examples:record`, { cause: error });
	}
}

/** Writes records sorted by key, one example per entry, so a re-record's diff shows just what changed. */
export function writeRecords(contentDir: string, records: Records): void {
	const sorted = Object.fromEntries(Object.entries(records).sort(([a], [b]) => a.localeCompare(b, 'en')));
	writeFileSync(join(contentDir, RECORDS_FILE), `${JSON.stringify(sorted, null, '\t')}\n`);
}
