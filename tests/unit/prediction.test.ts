// How a "what does this print?" card is offered and checked (src/lib/prediction.ts), and which cards
// come with their questions in the study queue (withPredictionCards in src/study/queue.ts).
import { describe, expect, test } from 'vitest';
import { comparePrediction, orderedChoices, questionOf, readPredictionCards, type PredictionCard } from '../../src/lib/prediction.ts';
import { withPredictionCards } from '../../src/study/queue.ts';
import { applyGrade, applyPredictionGrade } from '../../src/study/rules.ts';
import { emptyProgress } from '../../src/study/record.ts';

const card = (id: string, wrong: string[] = []): PredictionCard => ({ id, code: 'print(1)\nprint(2)', answer: '1\n2\n', wrong: wrong.map((output) => ({ output, change: `line 1: ${output}` })) });

describe('comparing a prediction with the output', () => {
	test('right when every line matches; spaces at the ends, runs of spaces and the last newline do not count', () => {
		expect(comparePrediction('0\nTrue', '0\nTrue\n').right).toBe(true);
		expect(comparePrediction('  id |  total \n1|2\n\n', 'id | total\n1 | 2\n').right).toBe(true);
		expect(comparePrediction('0\r\nTrue\r\n', '0\nTrue\n').right).toBe(true);
	});

	test('case, quotes and order count', () => {
		expect(comparePrediction('0\ntrue', '0\nTrue\n').right).toBe(false);
		expect(comparePrediction("'a'", '"a"\n').right).toBe(false);
		expect(comparePrediction('True\n0', '0\nTrue\n').right).toBe(false);
	});

	test('marks only the lines that differ: a line left out, one too many, one changed (yours first)', () => {
		expect(comparePrediction('a\nc', 'a\nb\nc\n').lines).toEqual([
			{ text: 'a', kind: 'same' },
			{ text: 'b', kind: 'printed' },
			{ text: 'c', kind: 'same' },
		]);
		expect(comparePrediction('a\nx\nb', 'a\nb\n').lines.map((line) => line.kind)).toEqual(['same', 'predicted', 'same']);
		expect(comparePrediction('a\nB\nc', 'a\nb\nc\n').lines).toEqual([
			{ text: 'a', kind: 'same' },
			{ text: 'B', kind: 'predicted' },
			{ text: 'b', kind: 'printed' },
			{ text: 'c', kind: 'same' },
		]);
	});

	test('an empty prediction of a silent program is right; of one that prints, every line is missing', () => {
		expect(comparePrediction('', '')).toEqual({ right: true, lines: [] });
		expect(comparePrediction(' ', 'x\n').lines).toEqual([{ text: 'x', kind: 'printed' }]);
	});
});

describe('offering the choices', () => {
	test('the answer and every wrong output, each once, in an order of the card’s own that does not move', () => {
		const one = card('gil#1', ['a\n', 'b\n', 'c\n']);
		const order = orderedChoices(one).map((choice) => choice.output);
		expect([...order].sort()).toEqual(['1\n2\n', 'a\n', 'b\n', 'c\n']);
		expect(orderedChoices(one).map((choice) => choice.output)).toEqual(order);
		expect(orderedChoices(one).find((choice) => choice.output === 'a\n')!.change).toBe('line 1: a\n');
	});

	test('another order at each review (round), the same within one', () => {
		const one = card('decorators-python#2', ['a\n', 'b\n', 'c\n']);
		const orders = new Set(Array.from({ length: 6 }, (_, round) => orderedChoices(one, round).map((choice) => choice.output).join('|')));
		expect(orders.size).toBeGreaterThan(1);
		expect(orderedChoices(one, 3)).toEqual(orderedChoices(one, 3));
	});

	test('the answer is not always first', () => {
		const firsts = Array.from({ length: 20 }, (_, i) => orderedChoices(card(`q-${i}#1`, ['a\n', 'b\n'])).findIndex((choice) => choice.change === undefined));
		expect(new Set(firsts).size).toBeGreaterThan(1);
	});
});

describe('reading the published cards', () => {
	test('keeps well-formed cards and names the question of each', () => {
		const good = card('global-interpreter-lock-gil#1');
		expect(readPredictionCards([good, { id: 'no-number', code: '', answer: '', wrong: [] }, { id: 'x#1', code: '', answer: 1, wrong: [] }, { id: 'x#1', answer: '', wrong: [] }, null])).toEqual([good]);
		expect(readPredictionCards({})).toBeUndefined();
		expect(questionOf('global-interpreter-lock-gil#12')).toBe('global-interpreter-lock-gil');
	});
});

describe('prediction cards in the study queue', () => {
	const now = new Date('2026-11-26T10:00:00Z');
	const clock = { now, offset: 0 };
	const yesterday = new Date('2026-11-25T10:00:00Z');
	const ids = ['a#1', 'a#2', 'b#1', 'c#1'];

	test('a card comes just before its question once the question was graded on an earlier day', () => {
		const progress = applyGrade(applyGrade(emptyProgress(), 'a', 'good', yesterday), 'b', 'good', now);
		// a: learnt yesterday, both its cards; b: graded today only; c: never seen; d: no card.
		expect(withPredictionCards(['a', 'b', 'c', 'd'], ids, progress, clock)).toEqual(['a#1', 'a#2', 'a', 'b', 'c', 'd']);
	});

	test('a graded card comes back when it is due, as a question does, and only with its question', () => {
		let progress = applyGrade(emptyProgress(), 'a', 'good', new Date('2026-11-20T10:00:00Z'));
		progress = applyPredictionGrade(progress, 'a#1', 'easy', yesterday);
		progress = applyPredictionGrade(progress, 'a#2', 'again', yesterday);
		expect(withPredictionCards(['a'], ids, progress, clock)).toEqual(['a#2', 'a']);
		expect(withPredictionCards(['b'], ids, progress, clock)).toEqual(['b']);
	});
});
