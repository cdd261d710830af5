// "What does this print?" cards as the pages use them (issue 36): the shape the build publishes
// (/study/predictions.json), the order a card's choices are offered in, and how a prediction is
// compared with what the program printed. The cards are made and proven in
// src/examples/predictions.ts.
import { seededRandom } from './random.ts';

/** One card: its id (the question's slug, "#", the example's number), the output, and wrong outputs with what changed to print each. */
export interface PredictionCard {
	id: string;
	/** The example's code the card was made from: a page built before a change to it shows other code. */
	code: string;
	answer: string;
	/** None: the reader types the output. */
	wrong: { output: string; change: string }[];
}

/** A card's id: the question's slug, "#", the example's number in the answer (1 for the first). */
export const PREDICTION_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)#([1-9][0-9]*)$/;

/** The id of the card of a question's `example`th example (from 1): "decorators-python#2". */
export const predictionId = (slug: string, example: number): string => `${slug}#${example}`;

/** The question a card belongs to: "decorators-python" for "decorators-python#2". */
export const questionOf = (id: string): string => PREDICTION_ID.exec(id)?.[1] ?? '';

/** The cards in a published list that are well formed; undefined when the list itself is not one. */
export function readPredictionCards(value: unknown): PredictionCard[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const isText = (text: unknown): text is string => typeof text === 'string';
	return value.filter(
		(card): card is PredictionCard =>
			typeof card === 'object' &&
			card !== null &&
			isText(card.id) &&
			PREDICTION_ID.test(card.id) &&
			isText(card.code) &&
			isText(card.answer) &&
			Array.isArray(card.wrong) &&
			card.wrong.every((choice: unknown) => typeof choice === 'object' && choice !== null && isText((choice as { output: unknown }).output) && isText((choice as { change: unknown }).change)),
	);
}

/** A string's small hash, to seed a card's own order. */
function hashOf(text: string): number {
	let hash = 2166136261;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
	return hash >>> 0;
}

/** One choice as offered: an output, and for a wrong one what changed in the code to print it. */
export interface Choice {
	output: string;
	change?: string;
}

/**
 * The answer and the wrong outputs in an order of the card's own for each `round` (the times it was
 * graded): the same while the reader looks at it, another at the next review, so that where the
 * answer stood is not what is learnt; the answer not always first.
 */
export function orderedChoices(card: PredictionCard, round = 0): Choice[] {
	const choices: Choice[] = [{ output: card.answer }, ...card.wrong];
	const random = seededRandom(hashOf(`${card.id}:${round}`));
	for (let i = choices.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[choices[i], choices[j]] = [choices[j]!, choices[i]!];
	}
	return choices;
}

/** One line of a comparison: in both, only predicted, or only printed. */
export interface DiffLine {
	text: string;
	kind: 'same' | 'predicted' | 'printed';
}

/** A line as compared: spaces at its ends and runs of spaces do not count (a table typed by hand). */
const comparable = (line: string) => line.trim().replace(/\s+/g, ' ').replace(/ ?\| ?/g, '|');

/** Text as lines, without the last line's newline and the blank lines at the end. */
const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');

/**
 * A prediction against what the program printed, line by line (a longest common subsequence, so a
 * line left out marks only itself): right when every line matches. Outputs are at most ten lines.
 */
export function comparePrediction(predicted: string, printed: string): { right: boolean; lines: DiffLine[] } {
	const a = predicted.trim() === '' ? [] : linesOf(predicted);
	const b = printed.trim() === '' ? [] : linesOf(printed);
	const same = (i: number, j: number) => comparable(a[i]!) === comparable(b[j]!);
	// lengths[i][j]: the longest common run of a[i..] and b[j..].
	const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = same(i, j) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
	}
	const lines: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && same(i, j)) {
			lines.push({ text: b[j]!, kind: 'same' });
			i++;
			j++;
		} else if (j < b.length && (i === a.length || lengths[i]![j + 1]! > lengths[i + 1]![j]!)) lines.push({ text: b[j++]!, kind: 'printed' });
		else lines.push({ text: a[i++]!, kind: 'predicted' });
	}
	return { right: lines.every((line) => line.kind === 'same'), lines };
}
