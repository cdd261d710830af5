import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FROM_V1, migrateV1, v1Schema } from '../../src/study/migrate.ts';
import { applyGrade, applyPredictionGrade, exportProgress, planImport, readProgress, readProgressFile, resetCost, resetProgress } from '../../src/study/rules.ts';
import { emptyProgress, lastGrades, progressJsonSchema, VERSION, type Progress } from '../../src/study/record.ts';
import { predictionId } from '../../src/lib/prediction.ts';
import { schedule } from '../../src/study/schedule.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/study/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-26T10:00:00Z');
const hour = (h: number) => new Date(Date.parse('2026-11-26T00:00:00Z') + h * 3_600_000);

describe('migrateV1', () => {
	// Written by the version 1 code (src/lib/study.ts before version 2): an exported file and a stored value.
	test.each(['v1-export.json', 'v1-stored.json'])('turns the real version 1 file %s into FSRS state at each recorded time', (name) => {
		const result = readProgressFile(fixture(name));
		expect('progress' in result && result.migrated).toBe(1);
		const { progress } = result as { progress: Progress };
		expect(Object.keys(progress.cards).sort()).toEqual([
			'create-index-sql',
			'difference-inner-join-left-join',
			'difference-list-tuple-python',
			'handle-exceptions-python',
			'normalization-databases',
		]);
		// knew it → Good, didn't know → Again, each at its own time.
		expect(progress.cards['difference-inner-join-left-join']).toEqual(schedule(undefined, 'good', new Date('2026-11-20T09:15:00.000Z')));
		expect(progress.cards['normalization-databases']).toEqual(schedule(undefined, 'again', new Date('2026-11-20T09:20:00.000Z')));
		expect(progress.cards['create-index-sql']!.due).toBe('2026-11-27T21:00:00.000Z');
		// One review per question, in time order.
		expect(progress.log.map((review) => `${review.at} ${review.slug} ${review.grade}`)).toEqual([
			'2026-11-20T09:15:00.000Z difference-inner-join-left-join good',
			'2026-11-20T09:20:00.000Z normalization-databases again',
			'2026-11-22T18:40:00.000Z difference-list-tuple-python good',
			'2026-11-24T07:05:00.000Z handle-exceptions-python again',
			'2026-11-25T21:00:00.000Z create-index-sql good',
		]);
	});

	test('reads "partly" as Hard', () => {
		const progress = migrateV1({ version: 1, questions: { gil: { grade: 'partly', at: '2026-11-26T10:00:00Z' } } });
		expect(FROM_V1).toEqual({ known: 'good', partly: 'hard', unknown: 'again' });
		expect(progress.cards['gil']).toEqual(schedule(undefined, 'hard', now));
		expect(lastGrades(progress).get('gil')).toBe('hard');
	});

	test('accepts the version 1 files as the version 1 schema did', () => {
		expect(v1Schema.safeParse(JSON.parse(fixture('v1-export.json'))).success).toBe(true);
	});
});

describe('version 3 progress', () => {
	// Written by the version 3 code (src/study/rules.ts before version 4): a reader's export, with a
	// mock interview.
	const text = fixture('v3-export.json');
	const v3 = JSON.parse(text) as Record<string, unknown> & Pick<Progress, 'cards' | 'log' | 'mocks'>;
	const progress: Progress = { version: VERSION, cards: v3.cards, log: v3.log, mocks: v3.mocks, predictions: { cards: {}, log: [] } };

	test('imports a real version 3 export whole, as version 4 with no prediction cards', () => {
		expect(readProgressFile(text)).toEqual({ progress, migrated: 3 });
		const plan = planImport(emptyProgress(), progress, Object.keys(v3.cards), now);
		expect([plan.adds, plan.unknown, plan.repairs]).toEqual([5, [], []]);
		expect(plan.merged).toEqual(progress);
	});

	test('reads the value the version 3 code stored, whole and entry by entry, leaving nothing out', () => {
		const stored = JSON.stringify({ ...v3, $schema: undefined, kind: undefined, exported: undefined });
		expect(readProgressFile(stored)).toEqual({ progress, migrated: 3 });
		expect(readProgress(stored)).toEqual({ status: 'read', progress, problems: [] });
	});
});

describe('readProgressFile', () => {
	const progress = applyPredictionGrade(applyGrade(applyGrade(emptyProgress(), 'gil', 'good', hour(8)), 'decorators', 'again', hour(9)), 'gil#2', 'hard', hour(9));

	test('reads back what exportProgress wrote', () => {
		expect(readProgressFile(exportProgress(progress, now, 'https://example.org/guide/'))).toEqual({ progress, migrated: false });
	});

	test('reads a stored value (no kind, no export date)', () => {
		expect(readProgressFile(JSON.stringify(progress))).toEqual({ progress, migrated: false });
	});

	test('refuses a file of a newer version with a message that says to update the page', () => {
		const result = readProgressFile(JSON.stringify({ kind: 'sg-study-progress', version: 5, cards: {}, log: [] }));
		expect(result).toEqual({
			newer: true,
			error: 'It was exported by a newer version of this site (progress version 5; this page reads up to 4). Reload the page to update it, then import again.',
		});
	});

	const card = schedule(undefined, 'good', now);
	const file = (change: (data: Record<string, any>) => void) => {
		const data = JSON.parse(exportProgress(applyGrade(emptyProgress(), 'gil', 'good', now), now)) as Record<string, any>;
		change(data);
		return JSON.stringify(data);
	};
	test.each([
		['text that is not JSON', 'not json', 'It is not JSON'],
		['a JSON list', '[]', 'no progress object'],
		['another site’s file', '{"kind":"bookmarks","version":2}', 'It is a "bookmarks" file'],
		['no version', '{"kind":"sg-study-progress"}', 'Its version (undefined) is not one this site wrote (1 to 4)'],
		['a bad due date', file((d) => (d.cards.gil.due = 'soon')), '"cards.gil.due" is not a date and time (ISO 8601)'],
		['a missing field', file((d) => delete d.cards.gil.reps), '"cards.gil.reps" is missing'],
		['a string for a number', file((d) => (d.cards.gil.stability = '2')), '"cards.gil.stability" should be a number'],
		['a negative count', file((d) => (d.cards.gil.lapses = -1)), '"cards.gil.lapses" is out of range (-1)'],
		['an unknown state', file((d) => (d.cards.gil.state = 'done')), '"cards.gil.state" should be one of new, learning, review, relearning'],
		['an unknown field', file((d) => (d.cards.gil.note = 'x')), '"cards.gil" has an unknown field "note"'],
		['a bad id', file((d) => (d.cards['Not A Slug'] = card)), '"cards.Not A Slug" is not a question id'],
		['a __proto__ key', '{"version":2,"cards":{"__proto__":{}},"log":[]}', 'is not a question id'],
		['a bad grade in the log', file((d) => (d.log[0].grade = 'great')), '"log.0.grade" should be one of again, hard, good, easy'],
		['a bad prediction card id', file((d) => (d.predictions.cards['gil#0'] = card)), '"predictions.cards.gil#0" is not a prediction card id (a question id, "#", the example\'s number)'],
		['no prediction cards in version 4', file((d) => delete d.predictions), '"predictions" is missing'],
		['a bad version 1 grade', '{"version":1,"questions":{"gil":{"grade":"great","at":"2026-11-26T10:00:00Z"}}}', 'not a valid version 1 progress file: "questions.gil.grade"'],
		['a bad version 1 date', '{"version":1,"questions":{"gil":{"grade":"known","at":"yesterday"}}}', '"questions.gil.at" is not a date'],
	])('refuses %s whole, naming the field', (_, text, message) => {
		const result = readProgressFile(text);
		expect('error' in result && result.error).toContain(message);
		expect('progress' in result).toBe(false);
	});
});

describe('the JSON Schema', () => {
	const ajv = new Ajv2020({ strict: false, validateFormats: false });
	const validate = ajv.compile(progressJsonSchema());

	test('accepts an exported file, and refuses what the import refuses', () => {
		const progress = applyGrade(emptyProgress(), 'gil', 'easy', now);
		const exported = JSON.parse(exportProgress(progress, now, 'https://example.org/'));
		expect(exported.$schema).toBe('https://example.org/study/progress.schema.json');
		expect(validate(exported)).toBe(true);
		expect(validate({ ...exported, version: 1 })).toBe(false);
		expect(validate({ ...exported, cards: { gil: { ...exported.cards.gil, extra: 1 } } })).toBe(false);
		expect(validate({ ...exported, log: [{ slug: 'gil', grade: 'great', at: now.toISOString() }] })).toBe(false);
	});

	test('accepts prediction cards by their id, and refuses another id', () => {
		const exported = JSON.parse(exportProgress(applyPredictionGrade(emptyProgress(), predictionId('gil', 2), 'good', now), now));
		expect(Object.keys(exported.predictions.cards)).toEqual(['gil#2']);
		expect(validate(exported)).toBe(true);
		expect(validate({ ...exported, predictions: { ...exported.predictions, cards: { 'gil#0': exported.predictions.cards['gil#2'] } } })).toBe(false);
		expect(validate({ ...exported, predictions: { ...exported.predictions, log: [{ card: 'gil', grade: 'good', at: now.toISOString() }] } })).toBe(false);
	});
});

describe('resetProgress and resetCost', () => {
	const progress = applyGrade(applyGrade(applyGrade(emptyProgress(), 'gil', 'good', hour(1)), 'gil', 'good', hour(2)), 'tuple', 'again', hour(3));

	test('says what a reset would forget, then forgets the state and history of those questions only', () => {
		expect(resetCost(progress, ['gil', 'unseen'])).toEqual({ questions: 1, grades: 2 });
		const reset = resetProgress(progress, ['gil']);
		expect(Object.keys(reset.cards)).toEqual(['tuple']);
		expect(reset.log).toEqual([{ slug: 'tuple', grade: 'again', at: hour(3).toISOString() }]);
		expect(resetProgress(progress)).toEqual(emptyProgress());
	});

	test('counts and forgets those questions’ prediction cards and their grades too', () => {
		// "queue" has a prediction card only: still a question whose schedule the reset forgets.
		let more = applyPredictionGrade(applyPredictionGrade(progress, 'gil#1', 'again', hour(4)), 'tuple#2', 'good', hour(5));
		more = applyPredictionGrade(more, 'queue#1', 'good', hour(6));
		expect(resetCost(more, ['gil', 'queue'])).toEqual({ questions: 2, grades: 4 });
		expect(resetCost(more)).toEqual({ questions: 3, grades: 6 });
		const reset = resetProgress(more, ['gil', 'queue']);
		expect(Object.keys(reset.predictions.cards)).toEqual(['tuple#2']);
		expect(reset.predictions.log).toEqual([{ card: 'tuple#2', grade: 'good', at: hour(5).toISOString() }]);
		expect(resetProgress(more)).toEqual(emptyProgress());
	});
});

describe('readProgress', () => {
	const card = schedule(undefined, 'good', now);
	const file = (cards: unknown, log: unknown[] = []) => JSON.stringify({ version: 2, cards, log });

	test('returns empty when nothing is stored, and reads back what was stored', () => {
		const progress = applyGrade(emptyProgress(), 'gil', 'good', now);
		expect(readProgress(null)).toEqual({ status: 'empty' });
		expect(readProgress(JSON.stringify(progress))).toEqual({ status: 'read', progress, problems: [] });
	});

	test('keeps every valid question and grade and names each one it leaves out', () => {
		const text = file(
			{ gil: card, 'Not-A-Slug': card, tuple: { ...card, due: 'soon' }, queue: null, deadlocks: card },
			[{ slug: 'gil', grade: 'good', at: now.toISOString() }, { slug: 'gil', grade: 'great', at: now.toISOString() }],
		);
		const result = readProgress(text);
		expect(result.status === 'read' && Object.keys(result.progress.cards)).toEqual(['gil', 'deadlocks']);
		expect(result.status === 'read' && result.progress.log).toHaveLength(1);
		expect(result.status === 'read' && result.problems).toEqual([
			'"Not-A-Slug" is not a question id.',
			'Question "tuple": "due" is not a date and time (ISO 8601).',
			'Question "queue": its state should be an object.',
			'Grade 2 of the log: "grade" should be one of again, hard, good, easy.',
		]);
	});

	test('leaves out a "__proto__" key without touching any prototype', () => {
		const result = readProgress(`{"version":2,"cards":{"__proto__":${JSON.stringify(card)},"gil":${JSON.stringify(card)}},"log":[]}`);
		expect(result.status === 'read' && Object.keys(result.progress.cards)).toEqual(['gil']);
		expect(result.status === 'read' && Object.getPrototypeOf(result.progress.cards)).toBe(Object.prototype);
		expect(result.status === 'read' && result.problems).toEqual(['"__proto__" is not a question id.']);
	});

	test('migrates the valid entries of version 1 and names the others', () => {
		const result = readProgress('{"version":1,"questions":{"gil":{"grade":"partly","at":"2026-11-26T10:00:00Z"},"tuple":{"grade":"great","at":"2026-11-26T10:00:00Z"}}}');
		expect(result.status === 'read' && result.progress.cards).toEqual({ gil: schedule(undefined, 'hard', now) });
		expect(result.status === 'read' && result.problems).toEqual(['Question "tuple" has no valid grade (known, partly or unknown).']);
	});

	test('reports a newer version instead of reading it, and what is not progress as unreadable', () => {
		expect(readProgress(file({ gil: card }).replace('"version":2', '"version":5'))).toEqual({ status: 'newer', version: 5 });
		expect(readProgress('{"version":2,"log":[]}')).toEqual({ status: 'unreadable', problem: 'It has no "cards" object.' });
		expect(readProgress('{"version":2,"cards":{}}')).toEqual({ status: 'unreadable', problem: 'It has no "log" list.' });
		expect(readProgress('{"version":4,"cards":{},"log":[],"mocks":[]}')).toEqual({
			status: 'unreadable',
			problem: 'It has no "predictions" object with "cards" and a "log" list.',
		});
	});

	test('keeps every valid prediction card and grade and names each one it leaves out', () => {
		const review = { card: 'gil#1', grade: 'good', at: now.toISOString() };
		const predictions = { cards: { 'gil#1': card, gil: card, 'gil#2': { ...card, due: 'soon' } }, log: [review, { ...review, card: 'gil#0' }] };
		const result = readProgress(JSON.stringify({ version: 4, cards: {}, log: [], mocks: [], predictions }));
		expect(result.status === 'read' && result.progress.predictions).toEqual({ cards: { 'gil#1': card }, log: [review] });
		expect(result.status === 'read' && result.problems).toEqual([
			'"gil" is not a prediction card id.',
			'Prediction card "gil#2": "due" is not a date and time (ISO 8601).',
			'Grade 2 of the prediction log: "card" is not a prediction card id (a question id, "#", the example\'s number).',
		]);
	});
});
