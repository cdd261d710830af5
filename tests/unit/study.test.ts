import { describe, expect, test } from 'vitest';
import {
	applyGrade,
	emptyProgress,
	describeImportPlan,
	exportProgress,
	mergeProgress,
	pickNotKnown,
	planImport,
	readProgress,
	resetProgress,
	selectForReview,
	shuffle,
	summarize,
	type Progress,
} from '../../src/study/rules.ts';

const at = new Date('2026-11-26T10:00:00Z');
const progress: Progress = {
	version: 1,
	questions: {
		gil: { grade: 'known', at: at.toISOString() },
		decorators: { grade: 'partly', at: at.toISOString() },
		deadlocks: { grade: 'unknown', at: at.toISOString() },
		removed: { grade: 'unknown', at: at.toISOString() },
	},
};
const slugs = ['gil', 'decorators', 'deadlocks', 'tuple'];

describe('applyGrade', () => {
	test('records the grade and its time under the slug, leaving the input alone', () => {
		const next = applyGrade(emptyProgress(), 'gil', 'partly', at);
		expect(next.questions).toEqual({ gil: { grade: 'partly', at: '2026-11-26T10:00:00.000Z' } });
		expect(applyGrade(next, 'gil', 'known', at).questions['gil']!.grade).toBe('known');
		expect(next.questions['gil']!.grade).toBe('partly');
	});
});

describe('summarize', () => {
	test('counts the questions of the list only, ignoring questions no longer in the guide', () => {
		expect(summarize(progress, slugs)).toEqual({ known: 1, partly: 1, unknown: 1, unseen: 1 });
	});
});

describe('selectForReview', () => {
	test('returns the questions last graded partly or didn’t know, in the given order', () => {
		expect(selectForReview(progress, ['deadlocks', 'tuple', 'gil', 'decorators'])).toEqual(['deadlocks', 'decorators']);
	});
});

describe('resetProgress', () => {
	test('forgets only the given questions, or everything', () => {
		expect(Object.keys(resetProgress(progress, ['gil', 'deadlocks']).questions)).toEqual(['decorators', 'removed']);
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
	test('picks among the questions not graded "knew it"', () => {
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
		expect(result.status === 'read' && Object.keys(result.progress.questions)).toEqual(['gil', 'queue']);
		expect(result.status === 'read' && result.problems).toEqual([
			'"Not-A-Slug" is not a question id.',
			'Question "decorators" has no valid grade (known, partly or unknown).',
			'Question "deadlocks" has no valid date.',
			'Question "tuple" has no valid grade (known, partly or unknown).',
		]);
	});

	test('leaves out a "__proto__" key without touching any prototype', () => {
		const result = readProgress('{"version":1,"questions":{"__proto__":{"grade":"known","at":"2026-11-26T10:00:00Z"},"gil":{"grade":"known","at":"2026-11-26T10:00:00Z"}}}');
		expect(result.status === 'read' && Object.keys(result.progress.questions)).toEqual(['gil']);
		expect(result.status === 'read' && Object.getPrototypeOf(result.progress.questions)).toBe(Object.prototype);
		expect(result.status === 'read' && result.problems).toEqual(['"__proto__" is not a question id.']);
	});

	test('reports a newer version instead of reading it', () => {
		expect(readProgress(file({ gil: entry('known') }, { version: 2 }))).toEqual({ status: 'newer', version: 2 });
	});

	test.each([
		['text that is not JSON', 'not json', 'not JSON'],
		['a JSON list', '[]', 'no progress object'],
		['another site’s file', '{"kind":"bookmarks","version":1,"questions":{}}', '"bookmarks" file'],
		['a version this site never wrote', '{"version":0,"questions":{}}', 'version (0)'],
		['no version', '{"questions":{}}', 'version (undefined)'],
		['no questions', '{"version":1}', 'no "questions" object'],
	])('reports %s as unreadable', (_, text, message) => {
		const result = readProgress(text);
		expect(result.status === 'unreadable' && result.problem).toContain(message);
	});
});

describe('mergeProgress', () => {
	test('keeps the newer record of each question, and the current one on a tie', () => {
		const current: Progress = { version: 1, questions: { gil: { grade: 'known', at: '2026-11-26T10:00:00Z' }, tuple: { grade: 'partly', at: '2026-11-26T10:00:00Z' } } };
		const incoming: Progress = { version: 1, questions: { gil: { grade: 'unknown', at: '2026-11-25T10:00:00Z' }, tuple: { grade: 'known', at: '2026-11-26T10:00:00Z' }, queue: { grade: 'known', at: '2026-11-20T10:00:00Z' } } };
		expect(mergeProgress(current, incoming).questions).toEqual({
			gil: { grade: 'known', at: '2026-11-26T10:00:00Z' },
			tuple: { grade: 'partly', at: '2026-11-26T10:00:00Z' },
			queue: { grade: 'known', at: '2026-11-20T10:00:00Z' },
		});
		expect(mergeProgress(incoming, current).questions['gil']!.grade).toBe('known');
	});
});

describe('planImport', () => {
	const old = '2026-11-01T00:00:00Z';
	const recent = '2026-11-27T00:00:00Z';
	const current: Progress = { version: 1, questions: { gil: { grade: 'known', at: old }, tuple: { grade: 'known', at: recent }, deadlocks: { grade: 'partly', at: old } } };
	const incoming: Progress = {
		version: 1,
		questions: { gil: { grade: 'unknown', at: recent }, tuple: { grade: 'unknown', at: old }, decorators: { grade: 'partly', at: old }, 'not-in-guide': { grade: 'known', at: old } },
	};
	const plan = planImport(current, incoming, ['gil', 'tuple', 'deadlocks', 'decorators']);

	test('counts what a merge adds, updates and keeps', () => {
		expect([plan.adds, plan.updates, plan.keeps]).toEqual([1, 1, 2]);
		expect(describeImportPlan(plan)).toBe('adds 1, updates 1, keeps 2');
	});

	test('merges the newer record of each question and leaves the rest', () => {
		expect(plan.merged.questions).toEqual({
			gil: { grade: 'unknown', at: recent },
			tuple: { grade: 'known', at: recent },
			deadlocks: { grade: 'partly', at: old },
			decorators: { grade: 'partly', at: old },
		});
	});

	test('reports slugs that are not in the guide and takes none of them', () => {
		expect(plan.unknown).toEqual(['not-in-guide']);
		expect(plan.merged.questions).not.toHaveProperty('not-in-guide');
		expect(plan.replaced.questions).not.toHaveProperty('not-in-guide');
	});

	test('replacing keeps only the file’s questions and counts the grades it forgets', () => {
		expect(Object.keys(plan.replaced.questions)).toEqual(['gil', 'tuple', 'decorators']);
		expect(plan.loses).toBe(3);
	});

	test('an empty file adds nothing and keeps everything when merged', () => {
		const empty = planImport(current, emptyProgress(), ['gil']);
		expect(empty.merged).toEqual(current);
		expect([empty.adds, empty.updates, empty.keeps, empty.loses]).toEqual([0, 0, 3, 3]);
	});
});
