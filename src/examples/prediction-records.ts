// The "what does this print?" cards as kept: content/example-predictions.json, keyed like the recorded
// outputs (records.ts), each with the hash of the code it was made from. Read by the build (the
// Markdown plugin) and written by the recorder (predict.ts, with predictions.ts). Node only.
import type { Mutant } from './mutations.ts';
import { readKeyed, writeKeyed } from './records.ts';

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

/** The cards of a content folder ({} when it has none yet). */
export const readPredictions = (contentDir: string): Predictions => readKeyed(contentDir, PREDICTIONS_FILE, 'record again with npm run examples:predict');

/** Writes the cards sorted by key. */
export const writePredictions = (contentDir: string, predictions: Predictions): void => writeKeyed(contentDir, PREDICTIONS_FILE, predictions);
