import { describe, expect, test } from 'vitest';
import { isSlug, slugify, slugifyQuestion } from '../../src/lib/slugs.ts';

describe('slugify', () => {
	test('returns lower-case ASCII words joined by hyphens', () => {
		expect(slugify('SQL & Databases')).toBe('sql-databases');
		expect(slugify('Café Crème')).toBe('cafe-creme');
	});
});

describe('slugifyQuestion', () => {
	test('drops the filler words of a question', () => {
		expect(slugifyQuestion('What is the Global Interpreter Lock (GIL)?')).toBe('global-interpreter-lock-gil');
		expect(slugifyQuestion('What is the difference between deepcopy and copy?')).toBe('difference-deepcopy-copy');
	});

	test('keeps at most six words', () => {
		expect(slugifyQuestion('You notice your FastAPI service is slowing down under load. What’s your first step?')).toBe(
			'notice-fastapi-service-slowing-down-under',
		);
	});

	test('falls back to every word when all are filler', () => {
		expect(slugifyQuestion('What is it?')).toBe('what-is-it');
	});
});

describe('isSlug', () => {
	test('accepts kebab-case ASCII and refuses anything else', () => {
		expect(isSlug('global-interpreter-lock')).toBe(true);
		expect(isSlug('Global')).toBe(false);
		expect(isSlug('café')).toBe(false);
		expect(isSlug('a--b')).toBe(false);
		expect(isSlug('-a')).toBe(false);
	});
});
