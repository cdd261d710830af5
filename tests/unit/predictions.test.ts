// "What does this print?" cards (src/examples/predictions.ts): the changes that make wrong choices,
// the rules that pick them, and every card of content/example-predictions.json proven again: its
// example unchanged, its answer the recorded output, and each wrong choice what its changed program
// prints when run with the browser's runtimes in Node. After a content edit: npm run examples:predict.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectExamples } from '../../src/examples/collect.ts';
import { sqlMutants, sqlTokens, type Mutant } from '../../src/examples/mutations.ts';
import { createNodeRunners, type NodeRunners } from '../../src/examples/node-runner.ts';
import { readPredictions } from '../../src/examples/prediction-records.ts';
import { canPredict, chooseWrong, isPredictable, printed, runChange, WRONG_CHOICES } from '../../src/examples/predictions.ts';
import { readRecords } from '../../src/examples/records.ts';
import type { RecordedRun } from '../../src/examples/rules.ts';
import { contentDir } from '../helpers/content.ts';

const examples = collectExamples(contentDir);
const records = readRecords(contentDir);
const predictions = readPredictions(contentDir);
const python = (text: string, failed = false): RecordedRun => ({ hash: 'h', failed, output: { runtime: 'python', chunks: [{ stream: 'stdout', text }] } });
const mutant = (kind: Mutant['kind'], change: string): Mutant => ({ kind, change, code: change });

describe('SQL changes', () => {
	test('swap join kinds, comparisons, order, AND/OR and COMMIT/ROLLBACK, move a limit by one, and never touch strings or comments', () => {
		const sql = "SELECT DISTINCT c.name FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.total > 10 AND c.name <> 'a > b' -- x > y\nORDER BY c.name DESC LIMIT 2;";
		expect(sqlTokens(sql).map((token) => token.text).join('')).toBe(sql);
		const changes = sqlMutants(sql).map((m) => `${m.kind}: ${m.change}`);
		expect(changes).toEqual([
			'distinct: line 1: DISTINCT → (removed)',
			'join: line 2: LEFT JOIN → INNER JOIN',
			'comparison: line 2: = → <>',
			'comparison: line 3: > → >=',
			'off-by-one: line 3: 10 → 11',
			'off-by-one: line 3: 10 → 9',
			'logic: line 3: AND → OR',
			'comparison: line 3: <> → =',
			'order: line 4: DESC → ASC',
			'off-by-one: line 4: 2 → 3',
			'off-by-one: line 4: 2 → 1',
		]);
		expect(sqlMutants(sql).find((m) => m.kind === 'join')!.code).toContain('INNER JOIN orders');
		expect(sqlMutants('SELECT 1 FROM a JOIN b ON true;').map((m) => m.change)).toEqual(['line 1: JOIN → LEFT JOIN']);
	});
});

describe('choosing the wrong choices', () => {
	test('an output the answer or another choice already is, an error, or a long output is never offered', () => {
		const runs = [
			{ mutant: mutant('logic', 'same as the answer'), run: python('1\n') },
			{ mutant: mutant('logic', 'an error'), run: python('2\n', true) },
			{ mutant: mutant('logic', 'long'), run: python('x\n'.repeat(20)) },
			{ mutant: mutant('logic', 'first 3'), run: python('3\n') },
			{ mutant: mutant('logic', 'again 3'), run: python('3\n') },
			{ mutant: mutant('method', 'a 4'), run: python('4\n') },
			{ mutant: mutant('logic', 'a 5'), run: python('5\n') },
			{ mutant: mutant('logic', 'a 6'), run: python('6\n') },
		];
		// One of each kind first, then the rest in order, at most three.
		expect(chooseWrong('1\n', runs).map((choice) => choice.change)).toEqual(['first 3', 'a 4', 'a 5']);
		expect(WRONG_CHOICES.max).toBe(3);
	});

	test('an output is predictable when short and the same on every run', () => {
		expect(isPredictable('[1, 2]\n')).toBe(true);
		expect(isPredictable('')).toBe(false);
		expect(isPredictable('<object at 0x7f3a2b1c9d10>\n')).toBe(false);
		expect(isPredictable('line\n'.repeat(11))).toBe(false);
	});
});

describe('the cards of the content', () => {
	let runners: NodeRunners;
	beforeAll(async () => {
		runners = await createNodeRunners();
	}, 120_000);
	afterAll(async () => runners?.close());

	test('every example that can have a card has one, and every card belongs to such an example', () => {
		const eligible = examples.filter((example) => canPredict(example, records[example.key])).map((example) => example.key);
		expect(Object.keys(predictions).sort()).toEqual(eligible.sort());
	});

	test.each(Object.entries(predictions))('%s: its answer is the recorded output, and each wrong choice is what its change prints', async (key, card) => {
		const example = examples.find((candidate) => candidate.key === key)!;
		expect(card.hash, `${key} changed since its card was made: npm run examples:predict`).toBe(example.hash);
		expect(card.answer).toBe(printed(records[key]!));
		expect(card.choices.length === 0 || card.choices.length >= WRONG_CHOICES.min).toBe(true);
		for (const choice of card.choices) {
			const run = await runChange(runners, example, choice.code);
			expect(run.failed, choice.change).toBe(false);
			expect(printed(run), choice.change).toBe(choice.output);
			expect(choice.output).not.toBe(card.answer);
		}
	});
});
