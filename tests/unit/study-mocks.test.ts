// The history of mock interviews in the study progress (since version 3): kept as answers are
// saved, read entry by entry (a bad one named, the rest kept), merged and imported with the rest,
// kept by a section's reset, and never lost to a second tab. Version 2 progress reads as a history
// of none.
import { describe, expect, test } from 'vitest';
import { MAX_MOCKS, VERSION, type Mock } from '../../src/study/record.ts';
import {
	applyGrade,
	emptyProgress,
	exportProgress,
	mergeProgress,
	planImport,
	PROGRESS_KEY,
	readProgress,
	readProgressFile,
	recordMock,
	resetProgress,
} from '../../src/study/rules.ts';
import { createProgressStore } from '../../src/study/study-store.ts';
import { FakeStorage } from '../helpers/fake-storage.ts';

const answer = (slug: string, made = 3, points = 5) => ({ slug, made, points, confidence: 'sure' as const, grade: 'hard' as const, seconds: 95 });
const mock = (at: string, ...slugs: string[]): Mock => ({ at, limit: 180, answers: slugs.map((slug) => answer(slug)) });
const T1 = '2026-12-01T09:00:00.000Z';
const T2 = '2026-12-03T09:00:00.000Z';

describe('recordMock', () => {
	test('keeps one record per interview (the latest, with more answers), oldest first, at most MAX_MOCKS', () => {
		let progress = recordMock(emptyProgress(), mock(T2, 'gil'));
		progress = recordMock(progress, mock(T1, 'gil'));
		progress = recordMock(progress, mock(T2, 'gil', 'pod'));
		expect(progress.mocks.map((m) => [m.at, m.answers.length])).toEqual([
			[T1, 1],
			[T2, 2],
		]);
		let many = emptyProgress();
		for (let i = 0; i <= MAX_MOCKS; i++) many = recordMock(many, mock(new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), 'gil'));
		expect(many.mocks).toHaveLength(MAX_MOCKS);
		expect(many.mocks[0]!.at).toBe(new Date(Date.UTC(2020, 0, 1) + 60_000).toISOString());
	});
});

describe('reading progress with mock interviews', () => {
	test('version 2 reads as the current version with no history, as a stored value and as a file', () => {
		const v2 = JSON.stringify({ version: 2, cards: {}, log: [] });
		expect(readProgress(v2)).toEqual({ status: 'read', progress: emptyProgress(), problems: [] });
		expect(readProgressFile(v2)).toEqual({ progress: emptyProgress(), migrated: 2 });
		expect(VERSION).toBe(4);
	});

	test('a stored value keeps every valid interview and names the one left out', () => {
		const bad = { at: T2, limit: 180, answers: [{ ...answer('gil'), made: 6 }] };
		const text = JSON.stringify({ version: 3, cards: {}, log: [], mocks: [mock(T1, 'gil'), bad] });
		expect(readProgress(text)).toEqual({
			status: 'read',
			progress: { ...emptyProgress(), mocks: [mock(T1, 'gil')] },
			problems: ['Mock interview 2: "answers.0.made" made more key points than the question has.'],
		});
		expect(readProgress(JSON.stringify({ version: 3, cards: {}, log: [] }))).toEqual({ status: 'unreadable', problem: 'It has no "mocks" list.' });
	});

	test('an exported file holds the history and reads back whole; a bad interview refuses the file, naming the field', () => {
		const progress = recordMock(applyGrade(emptyProgress(), 'gil', 'good', new Date(T1)), mock(T1, 'gil'));
		const file = exportProgress(progress, new Date(T2));
		expect(JSON.parse(file)).toMatchObject({ kind: PROGRESS_KEY, version: VERSION, mocks: [mock(T1, 'gil')] });
		expect(readProgressFile(file)).toEqual({ progress, migrated: false });
		const broken = JSON.parse(file);
		broken.mocks[0].answers[0].confidence = 'maybe';
		expect(readProgressFile(JSON.stringify(broken))).toEqual({ error: 'It is not a valid progress file: "mocks.0.answers.0.confidence" should be one of sure, unsure.' });
	});
});

describe('merging and importing', () => {
	test('a merge joins both histories, an interview in both kept once with its longer record', () => {
		const here = recordMock(recordMock(emptyProgress(), mock(T1, 'gil')), mock(T2, 'gil'));
		const file = recordMock(emptyProgress(), mock(T2, 'gil', 'pod'));
		expect(mergeProgress(here, file).mocks).toEqual([mock(T1, 'gil'), mock(T2, 'gil', 'pod')]);
	});

	test('an import takes the answers to this guide’s questions, reports the others, and drops an interview with none left', () => {
		const file = recordMock(recordMock(emptyProgress(), mock(T1, 'gil', 'gone')), mock(T2, 'gone'));
		const plan = planImport(emptyProgress(), file, ['gil'], new Date(T2));
		expect(plan.unknown).toEqual(['gone']);
		expect(plan.replaced.mocks).toEqual([mock(T1, 'gil')]);
		expect(plan.merged.mocks).toEqual([mock(T1, 'gil')]);
	});

	test('a section’s reset keeps the history; resetting everything clears it', () => {
		const progress = recordMock(applyGrade(emptyProgress(), 'gil', 'good', new Date(T1)), mock(T1, 'gil'));
		expect(resetProgress(progress, ['gil']).mocks).toEqual([mock(T1, 'gil')]);
		expect(resetProgress(progress).mocks).toEqual([]);
	});
});

describe('storage faults', () => {
	test('a full storage keeps the interview in memory for the visit, and what was stored stays as it was', () => {
		const storage = new FakeStorage();
		const store = createProgressStore(() => storage);
		store.update((progress) => recordMock(progress, mock(T1, 'gil')));
		const before = storage.getItem(PROGRESS_KEY);
		storage.full = true;
		store.update((progress) => recordMock(progress, mock(T2, 'pod')));
		expect(store.mode).toBe('full');
		expect(store.progress.mocks.map((m) => m.at)).toEqual([T1, T2]);
		expect(storage.getItem(PROGRESS_KEY)).toBe(before);
	});
});

describe('two tabs', () => {
	test('an interview saved in one tab and a grade in another are both kept', () => {
		const storage = new FakeStorage();
		const first = createProgressStore(() => storage);
		const second = createProgressStore(() => storage);
		first.update((progress) => recordMock(applyGrade(progress, 'gil', 'hard', new Date(T1)), mock(T1, 'gil')));
		second.update((progress) => applyGrade(progress, 'pod', 'good', new Date(T2)));
		const stored = JSON.parse(storage.getItem(PROGRESS_KEY)!);
		expect(stored.version).toBe(VERSION);
		expect(stored.mocks).toEqual([mock(T1, 'gil')]);
		expect(Object.keys(stored.cards).sort()).toEqual(['gil', 'pod']);
	});
});
