// The rules of stored progress (FSRS state and a log, of questions and of prediction cards,
// src/study/rules.ts): grading, resetting, reading what is stored entry by entry, merging and
// planning an import. The queue, schedule and plan are in study-schedule.test.ts; files, the schema
// and migration in study-format.test.ts.
import { describe, expect, test } from 'vitest';
import { describeProgress, pickNotKnown } from '../../src/study/marks.ts';
import { missedSlugs, shuffle } from '../../src/study/queue.ts';
import { predictionId, questionOf } from '../../src/lib/prediction.ts';
import type { CardState, Grade } from '../../src/study/record.ts';
import {
	applyGrade,
	applyPredictionGrade,
	describeImportPlan,
	emptyProgress,
	exportProgress,
	mergeProgress,
	planImport,
	readProgress,
	resetProgress,
	type Progress,
} from '../../src/study/rules.ts';
import { preview, repairCard, schedule } from '../../src/study/schedule.ts';

const at = new Date('2026-11-26T10:00:00Z');
/** Progress with each question graded once, at its time (the version 1 grades read as FSRS ones). */
const graded = (entries: Record<string, [Grade, string]>): Progress =>
	Object.entries(entries).reduce((progress, [slug, [grade, time]]) => applyGrade(progress, slug, grade, new Date(time)), emptyProgress());
const progress = graded({
	gil: ['good', at.toISOString()],
	decorators: ['hard', at.toISOString()],
	deadlocks: ['again', at.toISOString()],
	removed: ['again', at.toISOString()],
});
const slugs = ['gil', 'decorators', 'deadlocks', 'tuple'];

describe('applyGrade', () => {
	test('records the state and the grade with its time under the slug, leaving the input alone', () => {
		const next = applyGrade(emptyProgress(), 'gil', 'hard', at);
		expect(next.cards).toEqual({ gil: schedule(undefined, 'hard', at) });
		expect(next.log).toEqual([{ slug: 'gil', grade: 'hard', at: '2026-11-26T10:00:00.000Z' }]);
		expect(applyGrade(next, 'gil', 'good', at).log.map((review) => review.grade)).toEqual(['hard', 'good']);
		expect(next.log).toHaveLength(1);
	});
});

describe('applyPredictionGrade', () => {
	test('schedules the card as a question is and logs the grade under its id, leaving the questions alone', () => {
		const id = predictionId('decorators-python', 2);
		expect([id, questionOf(id)]).toEqual(['decorators-python#2', 'decorators-python']);
		const next = applyPredictionGrade(emptyProgress(), id, 'hard', at);
		expect(next.predictions.cards).toEqual({ [id]: schedule(undefined, 'hard', at) });
		expect(next.predictions.log).toEqual([{ card: id, grade: 'hard', at: '2026-11-26T10:00:00.000Z' }]);
		const later = new Date('2026-11-27T10:00:00Z');
		expect(applyPredictionGrade(next, id, 'good', later).predictions.cards[id]).toEqual(schedule(next.predictions.cards[id], 'good', later));
		expect([next.cards, next.log, next.predictions.log.length]).toEqual([{}, [], 1]);
	});
});

describe('describeProgress', () => {
	test('counts the questions of the list only, ignoring questions no longer in the guide', () => {
		// Missed (Hard and Again) comes back ten minutes later: due now, in the same sitting.
		expect(describeProgress(progress, slugs, { now: at, offset: 0 })).toBe('3 of 4 seen, 2 due now, 2 last graded Again or Hard.');
	});
});

describe('missedSlugs', () => {
	test('returns the questions last graded Hard or Again, in the given order', () => {
		expect(missedSlugs(progress, ['deadlocks', 'tuple', 'gil', 'decorators'])).toEqual(['deadlocks', 'decorators']);
	});
});

describe('resetProgress', () => {
	test('forgets only the given questions, or everything', () => {
		expect(Object.keys(resetProgress(progress, ['gil', 'deadlocks']).cards)).toEqual(['decorators', 'removed']);
		expect(resetProgress(progress)).toEqual(emptyProgress());
	});
});

describe('shuffle', () => {
	test('returns the same order for the same seed, a permutation of the input', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(shuffle(items, 42)).toEqual(shuffle(items, 42));
		expect(shuffle(items, 42)).not.toEqual(items);
		expect([...shuffle(items, 7)].sort((a, b) => a - b)).toEqual(items);
	});
});

describe('pickNotKnown', () => {
	test('picks among the questions not last graded Good or Easy', () => {
		expect(pickNotKnown(progress, slugs, 0)).toBe('decorators');
		expect(pickNotKnown(progress, slugs, 0.99)).toBe('tuple');
		expect(pickNotKnown(progress, ['gil'], 0.5)).toBeUndefined();
	});
});

describe('readProgress', () => {
	const entry = (grade: string, time = '2026-11-26T10:00:00Z') => ({ grade, at: time });
	const file = (questions: unknown, extra: object = {}) => JSON.stringify({ version: 1, ...extra, questions });

	test('reads back what exportProgress wrote', () => {
		expect(readProgress(exportProgress(progress, at))).toEqual({ status: 'read', progress, problems: [] });
	});

	test('returns empty when nothing is stored', () => {
		expect(readProgress(null)).toEqual({ status: 'empty' });
	});

	test('keeps every valid entry and names each one it leaves out', () => {
		const text = file({
			gil: entry('known'),
			'Not-A-Slug': entry('known'),
			decorators: entry('great'),
			deadlocks: entry('partly', 'yesterday'),
			tuple: null,
			queue: entry('unknown'),
		});
		const result = readProgress(text);
		expect(result.status === 'read' && Object.keys(result.progress.cards)).toEqual(['gil', 'queue']);
		expect(result.status === 'read' && result.problems).toEqual([
			'"Not-A-Slug" is not a question id.',
			'Question "decorators" has no valid grade (known, partly or unknown).',
			'Question "deadlocks" has no valid date.',
			'Question "tuple" has no valid grade (known, partly or unknown).',
		]);
	});

	test('leaves out a "__proto__" key without touching any prototype', () => {
		const result = readProgress('{"version":1,"questions":{"__proto__":{"grade":"known","at":"2026-11-26T10:00:00Z"},"gil":{"grade":"known","at":"2026-11-26T10:00:00Z"}}}');
		expect(result.status === 'read' && Object.keys(result.progress.cards)).toEqual(['gil']);
		expect(result.status === 'read' && Object.getPrototypeOf(result.progress.cards)).toBe(Object.prototype);
		expect(result.status === 'read' && result.problems).toEqual(['"__proto__" is not a question id.']);
	});

	test('reports a newer version instead of reading it', () => {
		expect(readProgress(file({ gil: entry('known') }, { version: 5 }))).toEqual({ status: 'newer', version: 5 });
	});

	test.each([
		['text that is not JSON', 'not json', 'not JSON'],
		['a JSON list', '[]', 'no progress object'],
		['another site’s file', '{"kind":"bookmarks","version":1,"questions":{}}', '"bookmarks" file'],
		['a version this site never wrote', '{"version":0,"questions":{}}', 'version (0)'],
		['no version', '{"questions":{}}', 'version (undefined)'],
		['no questions', '{"version":1}', 'no "questions" object'],
		['no cards', '{"version":2,"log":[]}', 'no "cards" object'],
	])('reports %s as unreadable', (_, text, message) => {
		const result = readProgress(text);
		expect(result.status === 'unreadable' && result.problem).toContain(message);
	});
});

describe('mergeProgress', () => {
	test('keeps the newer state of each question, and the current one on a tie', () => {
		const current = graded({ gil: ['good', '2026-11-26T10:00:00Z'], tuple: ['hard', '2026-11-26T10:00:00Z'] });
		const incoming = graded({ gil: ['again', '2026-11-25T10:00:00Z'], tuple: ['good', '2026-11-26T10:00:00Z'], queue: ['good', '2026-11-20T10:00:00Z'] });
		expect(mergeProgress(current, incoming).cards).toEqual({ gil: current.cards['gil'], tuple: current.cards['tuple'], queue: incoming.cards['queue'] });
		expect(mergeProgress(incoming, current).cards['gil']).toEqual(current.cards['gil']);
		// Both logs, in time order; a grade found in both counted once.
		expect(mergeProgress(current, incoming).log.map((review) => `${review.slug} ${review.grade}`)).toEqual(['queue good', 'gil again', 'gil good', 'tuple hard', 'tuple good']);
		expect(mergeProgress(current, current).log).toEqual(current.log);
	});

	test('keeps the newer state of each prediction card, and joins their logs without repeating a grade', () => {
		const current = applyPredictionGrade(emptyProgress(), 'gil#1', 'good', new Date('2026-11-26T10:00:00Z'));
		const incoming = applyPredictionGrade(applyPredictionGrade(current, 'gil#1', 'again', new Date('2026-11-27T10:00:00Z')), 'tuple#2', 'hard', new Date('2026-11-25T10:00:00Z'));
		expect(mergeProgress(current, incoming).predictions.cards).toEqual(incoming.predictions.cards);
		expect(mergeProgress(incoming, current).predictions.cards).toEqual(incoming.predictions.cards);
		expect(mergeProgress(current, incoming).predictions.log.map((review) => `${review.card} ${review.grade}`)).toEqual(['tuple#2 hard', 'gil#1 good', 'gil#1 again']);
		expect(mergeProgress(current, current).predictions).toEqual(current.predictions);
	});
});

describe('planImport', () => {
	const old = '2026-11-01T00:00:00Z';
	const recent = '2026-11-27T00:00:00Z';
	const current = graded({ gil: ['good', old], tuple: ['good', recent], deadlocks: ['hard', old] });
	const incoming = graded({ gil: ['again', recent], tuple: ['again', old], decorators: ['hard', old], 'not-in-guide': ['good', old] });
	const plan = planImport(current, incoming, ['gil', 'tuple', 'deadlocks', 'decorators'], new Date(recent));

	test('counts what a merge adds, updates and keeps', () => {
		expect([plan.adds, plan.updates, plan.keeps]).toEqual([1, 1, 2]);
		expect(describeImportPlan(plan)).toBe('adds 1, updates 1, keeps 2');
	});

	test('merges the newer state of each question and leaves the rest', () => {
		expect(plan.merged.cards).toEqual({
			gil: incoming.cards['gil'],
			tuple: current.cards['tuple'],
			deadlocks: current.cards['deadlocks'],
			decorators: incoming.cards['decorators'],
		});
	});

	test('reports slugs that are not in the guide and takes none of them', () => {
		expect(plan.unknown).toEqual(['not-in-guide']);
		expect(plan.merged.cards).not.toHaveProperty('not-in-guide');
		expect(plan.replaced.cards).not.toHaveProperty('not-in-guide');
		expect(plan.merged.log.map((review) => review.slug)).not.toContain('not-in-guide');
	});

	test('replacing keeps only the file’s questions and counts the grades it forgets', () => {
		expect(Object.keys(plan.replaced.cards)).toEqual(['gil', 'tuple', 'decorators']);
		expect(plan.loses).toBe(3);
	});

	test('takes the prediction cards of this guide’s questions, reports the others by id, and counts their grades in what replacing forgets', () => {
		const here = applyPredictionGrade(current, 'deadlocks#1', 'good', new Date(old));
		const file = applyPredictionGrade(applyPredictionGrade(incoming, 'gil#2', 'good', new Date(old)), 'not-in-guide#1', 'again', new Date(old));
		const withPredictions = planImport(here, file, ['gil', 'tuple', 'deadlocks', 'decorators'], new Date(recent));
		expect(Object.keys(withPredictions.merged.predictions.cards)).toEqual(['deadlocks#1', 'gil#2']);
		expect(withPredictions.replaced.predictions).toEqual({ cards: { 'gil#2': file.predictions.cards['gil#2'] }, log: [file.predictions.log[0]] });
		// Reported as the question they belong to, once.
		expect(withPredictions.unknown).toEqual(['not-in-guide']);
		// The questions' counts stay theirs, the cards' are apart; what replacing forgets counts every
		// grade.
		expect([withPredictions.adds, withPredictions.updates, withPredictions.keeps, withPredictions.loses]).toEqual([1, 1, 2, 4]);
		expect([withPredictions.predictionAdds, withPredictions.predictionUpdates]).toEqual([1, 0]);
		expect(describeImportPlan(withPredictions)).toBe('adds 1, updates 1, keeps 2; of its “what does this print?” cards, adds 1, updates 0');
	});

	test('an empty file adds nothing and keeps everything when merged', () => {
		const empty = planImport(current, emptyProgress(), ['gil'], new Date(recent));
		expect(empty.merged).toEqual(current);
		expect([empty.adds, empty.updates, empty.keeps, empty.loses]).toEqual([0, 0, 3, 3]);
	});
});

describe('an import never stops grading', () => {
	const now = new Date('2026-12-05T09:00:00Z');
	const twoDaysAhead = '2026-12-07T09:00:00.000Z';
	const good = schedule(schedule(undefined, 'good', new Date('2026-12-01T09:00:00Z')), 'good', new Date('2026-12-03T09:00:00Z'));
	// Each state the progress schema takes and FSRS refuses, as another device or an older page wrote it.
	const bad: Record<string, [Partial<CardState>, string]> = {
		'difficulty-below-one': [{ difficulty: 0.5 }, '"difficulty" 0.5 is below 1: set to 1'],
		'no-stability': [{ stability: 0 }, '"stability" 0 is below 0.001: set to 0.001'],
		'graded-in-the-future': [{ lastReview: twoDaysAhead, due: '2026-12-12T09:00:00.000Z' }, `"lastReview" ${twoDaysAhead} is later than now (a clock set ahead?): set to now`],
	};
	const file: Progress = { ...emptyProgress(), cards: Object.fromEntries(Object.entries(bad).map(([slug, [fields]]) => [slug, { ...good, ...fields }])) };

	test.each(Object.entries(bad))('%s: the plan names the question and the field, and the merged state grades', (slug, [, fix]) => {
		const plan = planImport(emptyProgress(), file, Object.keys(bad), now);
		expect(plan.repairs).toContain(`Question "${slug}": ${fix}`);
		for (const result of [plan.merged, plan.replaced]) {
			const graded = applyGrade(result, slug, 'good', now);
			expect(Date.parse(graded.cards[slug]!.due)).toBeGreaterThan(now.getTime());
			// And every grade's interval can be shown before it is given.
			expect(Object.values(preview(result.cards[slug], now)).every((state) => Date.parse(state.due) > now.getTime())).toBe(true);
		}
	});

	test('a state kept from before the fix grades too: the scheduler sets it right as it reads it', () => {
		for (const [fields] of Object.values(bad)) expect(() => schedule({ ...good, ...fields }, 'again', now)).not.toThrow();
		// FSRS's own "no memory yet" (difficulty and stability 0) is not a fault: it starts over.
		expect(repairCard({ ...good, difficulty: 0, stability: 0 }, now).fixes).toEqual([]);
	});

	test('a state dated ahead of now never replaces the one graded here, and is added when there is none', () => {
		const here = applyGrade(emptyProgress(), 'graded-in-the-future', 'good', new Date(now.getTime() - 60_000));
		const plan = planImport(here, file, Object.keys(bad), now);
		expect(plan.merged.cards['graded-in-the-future']).toEqual(here.cards['graded-in-the-future']);
		expect([plan.adds, plan.updates, plan.keeps]).toEqual([2, 0, 1]);
		expect(planImport(emptyProgress(), file, Object.keys(bad), now).merged.cards['graded-in-the-future']!.lastReview).toBe(now.toISOString());
	});

	test('a merge keeps the longer history when both were last graded at the same moment', () => {
		const longer = { ...good, reps: 5 };
		const mine = { ...emptyProgress(), cards: { gil: longer } };
		const theirs = { ...emptyProgress(), cards: { gil: good } };
		expect(planImport(mine, theirs, ['gil'], now).merged.cards['gil']).toEqual(longer);
		expect(planImport(theirs, mine, ['gil'], now).merged.cards['gil']).toEqual(longer);
		expect(planImport(theirs, mine, ['gil'], now).updates).toBe(1);
	});

	test('a prediction card’s state is set right as a question’s is, and one dated ahead never replaces the one here', () => {
		const ahead = { ...good, lastReview: twoDaysAhead, due: '2026-12-12T09:00:00.000Z' };
		const predictions = { cards: { 'gil#1': { ...good, difficulty: 0.5 }, 'gil#2': ahead }, log: [] };
		const here = applyPredictionGrade(emptyProgress(), 'gil#2', 'good', new Date(now.getTime() - 60_000));
		const plan = planImport(here, { ...emptyProgress(), predictions }, ['gil'], now);
		expect(plan.repairs).toEqual([
			'Prediction card "gil#1": "difficulty" 0.5 is below 1: set to 1',
			`Prediction card "gil#2": "lastReview" ${twoDaysAhead} is later than now (a clock set ahead?): set to now`,
		]);
		expect(plan.merged.predictions.cards['gil#1']!.difficulty).toBe(1);
		expect(plan.merged.predictions.cards['gil#2']).toEqual(here.predictions.cards['gil#2']);
	});

	test('50,000 ids not in the guide are each reported once (the plan is linear in the file)', () => {
		const many = emptyProgress();
		for (let i = 0; i < 50_000; i++) {
			many.cards[`gone-${i}`] = good;
			many.log.push({ slug: `gone-${i}`, grade: 'good', at: good.lastReview });
		}
		const plan = planImport(emptyProgress(), many, ['gil'], now);
		expect(plan.unknown).toHaveLength(50_000);
		expect(new Set(plan.unknown).size).toBe(50_000);
	});
});
