import { describe, expect, test } from 'vitest';
import { BUDGETS, overBudget, withinBudget } from '../../scripts/bench/budgets.ts';

const page = { bytes: 12 * 1024, requests: 3 };
const firstVisit = { bytes: 16 * 1024, requests: 4 };

describe('overBudget', () => {
	test('holds question 7 to 12 KiB in 3 requests alone and 16 KiB in 4 with the worker, a runnable example or not', () => {
		expect(BUDGETS).toEqual({ page: { bytes: 12_288, requests: 3 }, firstVisit: { bytes: 16_384, requests: 4 } });
		expect(overBudget(page, firstVisit)).toEqual([]);
	});

	test('names each budget passed by a byte or a request, with the bytes as measured', () => {
		expect(overBudget({ ...page, bytes: 12_289 }, firstVisit)).toEqual(['question 7 alone: 12289 bytes in 3 requests (budget 12288 bytes in 3)']);
		expect(overBudget(page, { ...firstVisit, requests: 5 })).toEqual(["question 7's first visit with the worker: 16384 bytes in 5 requests (budget 16384 bytes in 4)"]);
		expect(overBudget({ ...page, requests: 4 }, { ...firstVisit, bytes: 16_385 })).toHaveLength(2);
	});
});

describe('withinBudget', () => {
	test('says how many bytes each budget has left', () => {
		expect(withinBudget({ bytes: 12_000, requests: 3 }, { bytes: 16_200, requests: 4 })).toBe(
			'Budgets held: question 7 alone 12000 of 12288 bytes, 288 left; 3 of 3 requests; first visit with the worker 16200 of 16384 bytes, 184 left; 4 of 4 requests.',
		);
	});
});
