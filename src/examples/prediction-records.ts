// The "what does this print?" cards as kept: content/example-predictions.json, keyed like the recorded
// outputs (records.ts), each with the hash of the code it was made from. Read by the build (the
// Markdown plugin) and written by the recorder (predict.ts, with predictions.ts). Node only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mutant } from './mutations.ts';

/** The cards' file name, inside the content folder. */
export const PREDICTIONS_FILE = 'example-predictions.json';

/** One wrong choice: what changed, the changed program, and what it prints. */
export interface WrongChoice {
	kind: Mutant['kind'];
	change: string;
	code: string;
	output: string;
}

/** A card: the example's code hash (as its recorded output's), its output, and the wrong choices (none: typed). */
export interface Prediction {
	hash: string;
	answer: string;
	choices: WrongChoice[];
}

export type Predictions = Record<string, Prediction>;

/** The cards of a content folder ({} when it has none yet); malformed JSON fails naming the file. */
export function readPredictions(contentDir: string): Predictions {
	const path = join(contentDir, PREDICTIONS_FILE);
	if (!existsSync(path)) return {};
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Predictions;
	} catch (error) {
		throw new Error(`${path}: not valid JSON (${(error as Error).message}); record again with npm run examples:predict`, { cause: error });
	}
}

/** Writes the cards sorted by key, so that a new recording's diff shows just what changed. */
export function writePredictions(contentDir: string, predictions: Predictions): void {
	const sorted = Object.fromEntries(Object.entries(predictions).sort(([a], [b]) => a.localeCompare(b, 'en')));
	writeFileSync(join(contentDir, PREDICTIONS_FILE), `${JSON.stringify(sorted, null, '\t')}\n`);
}
