import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lastGrades, type Grade } from '../../src/study/record.ts';
import { exportProgress, PROGRESS_KEY, applyGrade, applyPredictionGrade, emptyProgress } from '../../src/study/rules.ts';
import { BACKUP_PREFIX, createProgressStore } from '../../src/study/study-store.ts';
import { FakeStorage } from '../helpers/fake-storage.ts';

const now = () => new Date('2026-11-27T09:00:00Z');
const at = new Date('2026-11-26T10:00:00Z');
const grade = (slug: string, value: Grade = 'good') => (progress: ReturnType<typeof emptyProgress>) =>
	applyGrade(progress, slug, value, at);
const stored = (storage: FakeStorage) => JSON.parse(storage.getItem(PROGRESS_KEY)!).cards as Record<string, unknown>;

describe('createProgressStore', () => {
	test('keeps the valid entries of a value with a bad one, backs the value up, and says so once', () => {
		const storage = new FakeStorage();
		const text = '{"version":1,"questions":{"gil":{"grade":"known","at":"2026-11-26T10:00:00Z"},"Tuple":{"grade":"known","at":"2026-11-26T10:00:00Z"}}}';
		storage.setItem(PROGRESS_KEY, text);
		const store = createProgressStore(() => storage, now);
		expect(Object.keys(store.progress.cards)).toEqual(['gil']);
		expect(store.keptAside?.problems).toEqual(['"Tuple" is not a question id.']);
		expect(storage.getItem(`${BACKUP_PREFIX}2026-11-27T09:00:00.000Z`)).toBe(text);
		// The next grade keeps the valid entry and adds its own.
		store.update(grade('decorators'));
		expect(Object.keys(stored(storage))).toEqual(['gil', 'decorators']);
		// A second page finds the same backup and does not tell the reader again.
		storage.setItem(PROGRESS_KEY, text);
		expect(createProgressStore(() => storage, now).keptAside).toBeNull();
		expect(createProgressStore(() => storage, now).backups()).toHaveLength(1);
	});

	test('reads stored version 3 progress in full, and the next grade saves version 4 holding every grade', () => {
		const storage = new FakeStorage();
		// What the version 3 code stored: its export (tests/fixtures/study/) without the file's own fields.
		const v3 = JSON.parse(readFileSync(new URL('../fixtures/study/v3-export.json', import.meta.url), 'utf8'));
		for (const field of ['$schema', 'kind', 'exported']) delete v3[field];
		storage.setItem(PROGRESS_KEY, JSON.stringify(v3));
		const store = createProgressStore(() => storage, now);
		expect([store.mode, store.keptAside]).toEqual(['stored', null]);
		store.update((progress) => applyPredictionGrade(applyGrade(progress, 'decorators-python', 'good', at), 'decorators-python#1', 'hard', at));
		const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
		expect(saved.version).toBe(4);
		expect(saved.log).toEqual([...v3.log, { slug: 'decorators-python', grade: 'good', at: at.toISOString() }]);
		expect(saved.mocks).toEqual(v3.mocks);
		expect(Object.keys(saved.cards)).toEqual(Object.keys(v3.cards));
		expect(saved.predictions.log).toEqual([{ card: 'decorators-python#1', grade: 'hard', at: at.toISOString() }]);
		expect(store.backups()).toEqual([]);
	});

	test('keeps a value that is not JSON aside before the first grade replaces it', () => {
		const storage = new FakeStorage();
		storage.setItem(PROGRESS_KEY, '{"version":1,"questions":{');
		const store = createProgressStore(() => storage, now);
		store.update(grade('gil'));
		expect(store.backups().map((backup) => backup.text)).toEqual(['{"version":1,"questions":{']);
		expect(Object.keys(stored(storage))).toEqual(['gil']);
	});

	test('never writes over progress of a newer version, and grades in memory', () => {
		const storage = new FakeStorage();
		const newer = '{"version":5,"cards":{}}';
		storage.setItem(PROGRESS_KEY, newer);
		const store = createProgressStore(() => storage, now);
		store.update(grade('gil'));
		expect(store.mode).toBe('newer');
		expect(storage.getItem(PROGRESS_KEY)).toBe(newer);
		expect(Object.keys(store.progress.cards)).toEqual(['gil']);
	});

	test('applies each save to what is stored now, so another tab’s grades stay', () => {
		const storage = new FakeStorage();
		const tabB = createProgressStore(() => storage, now);
		const tabA = createProgressStore(() => storage, now);
		tabA.update(grade('gil'));
		tabA.update(grade('tuple'));
		tabA.update(grade('queue'));
		tabB.update(grade('decorators'));
		expect(Object.keys(stored(storage)).sort()).toEqual(['decorators', 'gil', 'queue', 'tuple']);
	});

	test('refresh reads another tab’s change and tells the listeners', () => {
		const storage = new FakeStorage();
		const store = createProgressStore(() => storage, now);
		let calls = 0;
		store.subscribe(() => calls++);
		storage.setItem(PROGRESS_KEY, exportProgress(applyGrade(emptyProgress(), 'gil', 'hard', at), at));
		store.refresh();
		expect(lastGrades(store.progress).get('gil')).toBe('hard');
		expect(calls).toBe(1);
	});

	test('when storage is full, grades go on in memory without throwing', () => {
		const storage = new FakeStorage();
		storage.setItem(PROGRESS_KEY, exportProgress(applyGrade(emptyProgress(), 'gil', 'good', at), at));
		storage.full = true;
		const store = createProgressStore(() => storage, now);
		expect(() => store.update(grade('tuple'))).not.toThrow();
		store.update(grade('queue'));
		expect(store.mode).toBe('full');
		expect(Object.keys(store.progress.cards)).toEqual(['gil', 'tuple', 'queue']);
	});

	test('a value whose backup cannot be written is left as it is', () => {
		const storage = new FakeStorage();
		storage.setItem(PROGRESS_KEY, 'not json');
		storage.full = true;
		const store = createProgressStore(() => storage, now);
		store.update(grade('gil'));
		expect(store.mode).toBe('full');
		expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
		expect(Object.keys(store.progress.cards)).toEqual(['gil']);
	});

	test('when storage is blocked, grades go on in memory', () => {
		const store = createProgressStore(() => {
			throw new DOMException('blocked', 'SecurityError');
		}, now);
		store.update(grade('gil'));
		store.update(grade('tuple'));
		expect(store.mode).toBe('blocked');
		expect(Object.keys(store.progress.cards)).toEqual(['gil', 'tuple']);
		expect(store.backups()).toEqual([]);
	});
});
